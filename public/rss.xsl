<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows /rss.xml as a readable page when someone opens the feed in a browser. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat" />
  <xsl:template match="/">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title><xsl:value-of select="/rss/channel/title" />（RSS 订阅源）</title>
        <style>
          :root { color-scheme: light dark; --bg: #fbfaf7; --text: #1d1f23; --muted: #555b66; --accent: #a3261b; --border: #dcd8cf; --link: #1f4f9a; --surface: #fff; }
          @media (prefers-color-scheme: dark) { :root { --bg: #15171b; --text: #e7e5e0; --muted: #a9afba; --accent: #f08a78; --border: #363b45; --link: #8fb6ff; --surface: #1d2026; } }
          body { margin: 0; background: var(--bg); color: var(--text); line-height: 1.85; font-size: 1.0625rem;
            font-family: -apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif; }
          main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
          a { color: var(--link); }
          .notice { background: var(--surface); border: 1px solid var(--border); border-inline-start: 4px solid var(--accent); padding: 0.75rem 1rem; border-radius: 0.5rem; }
          .notice code { word-break: break-all; }
          h1 { line-height: 1.35; margin-bottom: 0.25rem; }
          .muted { color: var(--muted); }
          ol { list-style: none; padding: 0; }
          li { padding: 1rem 0; border-bottom: 1px solid var(--border); }
          li h2 { font-size: 1.25rem; margin: 0 0 0.25rem; line-height: 1.4; }
          time { font-size: 0.875rem; color: var(--muted); }
        </style>
      </head>
      <body>
        <main>
          <p class="notice">
            这是<strong>RSS 订阅源</strong>，供阅读器使用。复制本页地址
            <code><xsl:value-of select="/rss/channel/atom:link[@rel='self']/@href" /></code>
            ，粘贴到 Feedly、Inoreader、NetNewsWire、Miniflux、Reeder 等阅读器的“添加订阅”中，即可收到每篇摘要的全文。
          </p>
          <h1><xsl:value-of select="/rss/channel/title" /></h1>
          <p class="muted"><xsl:value-of select="/rss/channel/description" /></p>
          <p><a href="{/rss/channel/link}">访问网站</a></p>
          <ol>
            <xsl:for-each select="/rss/channel/item">
              <li>
                <h2><a href="{link}"><xsl:value-of select="title" /></a></h2>
                <time>发布于 <xsl:value-of select="substring(pubDate, 6, 11)" /></time>
                <p><xsl:value-of select="description" /></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
