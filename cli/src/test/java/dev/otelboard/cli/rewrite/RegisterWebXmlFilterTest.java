package dev.otelboard.cli.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import org.junit.jupiter.api.Test;

class RegisterWebXmlFilterTest {
  private static final String FILTER = "com.example.shop.OtelServletFilter";

  @Test
  void theFilterIsDeclaredAndMappedAheadOfTheOtherEntriesAndOnlyOnce() throws Exception {
    String before = """
        <?xml version="1.0" encoding="UTF-8"?>
        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
            <display-name>shop</display-name>
            <filter>
                <filter-name>encoding</filter-name>
                <filter-class>com.example.shop.EncodingFilter</filter-class>
            </filter>
            <servlet>
                <servlet-name>orders</servlet-name>
                <servlet-class>com.example.shop.OrderServlet</servlet-class>
            </servlet>
        </web-app>
        """;
    String after = """
        <?xml version="1.0" encoding="UTF-8"?>
        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
            <display-name>shop</display-name>
            <filter>
                <filter-name>OtelServletFilter</filter-name>
                <filter-class>com.example.shop.OtelServletFilter</filter-class>
                <async-supported>true</async-supported>
            </filter>
            <filter-mapping>
                <filter-name>OtelServletFilter</filter-name>
                <url-pattern>/*</url-pattern>
            </filter-mapping>
            <filter>
                <filter-name>encoding</filter-name>
                <filter-class>com.example.shop.EncodingFilter</filter-class>
            </filter>
            <servlet>
                <servlet-name>orders</servlet-name>
                <servlet-class>com.example.shop.OrderServlet</servlet-class>
            </servlet>
        </web-app>
        """;

    RegisterWebXmlFilter.Result first = RegisterWebXmlFilter.register(before, FILTER);
    RegisterWebXmlFilter.Result second = RegisterWebXmlFilter.register(first.text(), FILTER);

    assertThat(first.text()).isEqualTo(after);
    assertThat(first.line()).isEqualTo(4);
    assertThat(second.text()).as("applying it again changes nothing").isEqualTo(after);
    assertThat(second.line()).isZero();
  }

  @Test
  void anEmptyWebAppGetsTheFilterAsItsChildren() throws Exception {
    RegisterWebXmlFilter.Result result = RegisterWebXmlFilter.register(
        "<web-app version=\"3.1\">\n</web-app>\n", FILTER);

    assertThat(result.text()).isEqualTo("""
        <web-app version="3.1">
          <filter>
            <filter-name>OtelServletFilter</filter-name>
            <filter-class>com.example.shop.OtelServletFilter</filter-class>
            <async-supported>true</async-supported>
          </filter>
          <filter-mapping>
            <filter-name>OtelServletFilter</filter-name>
            <url-pattern>/*</url-pattern>
          </filter-mapping>
        </web-app>
        """);
  }

  @Test
  void aServlet25DescriptorIsRefusedWithItsLineAndLeftAlone() throws Exception {
    String text = "<?xml version=\"1.0\"?>\n<web-app version=\"2.5\">\n  <servlet/>\n</web-app>\n";

    RegisterWebXmlFilter.Result result = RegisterWebXmlFilter.register(text, FILTER);

    assertThat(result.text()).isSameAs(text);
    assertThat(result.line()).isEqualTo(2);
    assertThat(result.refusal()).startsWith("web.xml is a Servlet 2.5 descriptor");
  }

  @Test
  void malformedXmlIsAParseErrorWithItsLine() {
    assertThatThrownBy(() -> RegisterWebXmlFilter.register("<web-app>\n<filter>\n</web-app>\n",
        FILTER))
        .isInstanceOf(XmlParseException.class)
        .satisfies(e -> assertThat(((XmlParseException) e).line()).isPositive());
  }
}
