<?xml version="1.0" encoding="utf-8"?>
<!-- heat.exe transform (installer/build.ps1): drop Kuaida.exe from the harvest, because kuaida.wxs authors it
     itself (its File element carries the Start-menu shortcut). build.sh does the same for wixl-heat with grep. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:wix="http://schemas.microsoft.com/wix/2006/wi">
  <xsl:output method="xml" indent="yes"/>
  <xsl:key name="main-exe" use="@Id"
           match="wix:Component[wix:File[substring(@Source, string-length(@Source) - 10) = '\Kuaida.exe']]"/>
  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="wix:Component[key('main-exe', @Id)]"/>
  <xsl:template match="wix:ComponentRef[key('main-exe', @Id)]"/>
</xsl:stylesheet>
