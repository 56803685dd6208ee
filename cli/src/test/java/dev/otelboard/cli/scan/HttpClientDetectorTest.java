package dev.otelboard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpClientDetectorTest {

  @Test
  void javaNetHttpClientCreationsAndWhatOnboardDoesWithThem() {
    ScanResult r = Repo.create()
        .file("src/main/java/com/acme/Clients.java", """
            package com.acme;

            import java.net.http.HttpClient;
            import java.time.Duration;

            class Clients {
              final HttpClient plain = HttpClient.newHttpClient();
              final HttpClient built = HttpClient.newBuilder()
                  .connectTimeout(Duration.ofSeconds(2))
                  .build();
              final HttpClient.Builder builder = HttpClient.newBuilder();
              final HttpClient wrapped = Adapter.wrap(HttpClient.newHttpClient());
              final HttpClient wrappedBuilt = Adapter.wrap(HttpClient.newBuilder().build());
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "http.client.java-net-http src/main/java/com/acme/Clients.java:7:28 wrap-java-http-client",
        "http.client.java-net-http src/main/java/com/acme/Clients.java:8:28 wrap-java-http-client",
        "http.client.java-net-http src/main/java/com/acme/Clients.java:11:38 manual",
        "http.client.java-net-http src/main/java/com/acme/Clients.java:12:43 "
            + "wrap-java-http-client instrumented",
        "http.client.java-net-http src/main/java/com/acme/Clients.java:13:48 "
            + "wrap-java-http-client instrumented");
    Finding first = r.findings().get(0);
    assertThat(first.symbol()).isEqualTo("java.net.http.HttpClient.newHttpClient");
    assertThat(first.enclosingClass()).isEqualTo("com.acme.Clients");
    assertThat(first.snippet()).isEqualTo("HttpClient.newHttpClient();");
  }

  @Test
  void aClassOfYourOwnNamedHttpClientIsNotJavaNetHttp() {
    ScanResult r = Repo.create()
        .file("src/main/java/com/acme/http/HttpClient.java", """
            package com.acme.http;

            public final class HttpClient {
              public static HttpClient newHttpClient() {
                return new HttpClient();
              }
            }
            """)
        .file("src/main/java/com/acme/http/SamePackage.java", """
            package com.acme.http;

            import java.net.http.*;

            class SamePackage {
              // Same package beats the on-demand import: this is com.acme.http.HttpClient.
              final HttpClient client = HttpClient.newHttpClient();
            }
            """)
        .file("src/main/java/com/acme/Imported.java", """
            package com.acme;

            import com.acme.http.HttpClient;

            class Imported {
              final HttpClient client = HttpClient.newHttpClient();
            }
            """)
        .file("src/main/java/com/acme/Nested.java", """
            package com.acme;

            import java.net.http.HttpClient;

            class Nested {
              static class HttpClient {
                static HttpClient newHttpClient() {
                  return null;
                }
              }

              final Object client = HttpClient.newHttpClient();
            }
            """)
        .scan();
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void onDemandImportsAndFullyQualifiedNamesResolve() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/A.java", """
            package a;

            import java.net.http.*;

            class A {
              final HttpClient a = HttpClient.newHttpClient();
              final java.net.http.HttpClient b = java.net.http.HttpClient.newHttpClient();
            }
            """)
        .scan();
    assertThat(Repo.brief(r)).containsExactly(
        "http.client.java-net-http src/main/java/a/A.java:6:24",
        "http.client.java-net-http src/main/java/a/A.java:7:38");
  }

  @Test
  void okHttpClientsAndBuilders() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Ok.java", """
            package a;

            import java.time.Duration;
            import okhttp3.OkHttpClient;

            class Ok {
              final OkHttpClient plain = new OkHttpClient();
              final OkHttpClient built = new OkHttpClient.Builder()
                  .callTimeout(Duration.ofSeconds(1))
                  .build();
              final OkHttpClient derived = plain.newBuilder().build();
              final OkHttpClient.Builder later = new OkHttpClient.Builder();
              final OkHttpClient instrumented = OkHttpAdapter.instrument(new OkHttpClient());
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "http.client.okhttp src/main/java/a/Ok.java:7:30 wrap-okhttp",
        "http.client.okhttp src/main/java/a/Ok.java:8:30 wrap-okhttp",
        "http.client.okhttp src/main/java/a/Ok.java:12:38 manual",
        "http.client.okhttp src/main/java/a/Ok.java:13:62 wrap-okhttp instrumented");
  }

  @Test
  void apacheSpringJaxrsFeignAndRetrofitClients() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Many.java", """
            package a;

            import feign.Feign;
            import jakarta.ws.rs.client.ClientBuilder;
            import okhttp3.OkHttpClient;
            import org.apache.http.impl.client.HttpClients;
            import org.springframework.boot.web.client.RestTemplateBuilder;
            import org.springframework.web.client.RestClient;
            import org.springframework.web.client.RestTemplate;
            import org.springframework.web.reactive.function.client.WebClient;
            import retrofit2.Retrofit;

            class Many {
              Object a4 = HttpClients.createDefault();
              Object a5 = org.apache.hc.client5.http.impl.classic.HttpClients.custom().build();
              Object rt = new RestTemplate();
              Object rc = RestClient.builder().baseUrl("http://x").build();
              Object wc = WebClient.create("http://x");
              Object jx = ClientBuilder.newClient();
              Object fg = Feign.builder().target(Object.class, "http://x");
              Object rf = new Retrofit.Builder().baseUrl("http://x").build();
              Object rf2 = new Retrofit.Builder().client(new OkHttpClient()).build();

              Object fromBuilder(RestTemplateBuilder builder) {
                return builder.rootUri("http://x").build();
              }
            }
            """)
        .file("src/main/java/a/Api.java", """
            package a;

            import org.springframework.cloud.openfeign.FeignClient;

            @FeignClient(name = "inventory")
            interface Api {}
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "http.client.feign src/main/java/a/Api.java:5:1 manual",
        "http.client.apache-httpclient-4 src/main/java/a/Many.java:14:15 wrap-apache-httpclient-4",
        "http.client.apache-httpclient-5 src/main/java/a/Many.java:15:15 wrap-apache-httpclient-5",
        "http.client.spring-rest-template src/main/java/a/Many.java:16:15 instrument-spring-web",
        "http.client.spring-rest-client src/main/java/a/Many.java:17:15 instrument-spring-web",
        "http.client.spring-web-client src/main/java/a/Many.java:18:15 manual",
        "http.client.jaxrs src/main/java/a/Many.java:19:15 manual",
        "http.client.feign src/main/java/a/Many.java:20:15 manual",
        "http.client.retrofit src/main/java/a/Many.java:21:15 manual",
        "http.client.retrofit src/main/java/a/Many.java:22:16 none",
        "http.client.okhttp src/main/java/a/Many.java:22:46 wrap-okhttp",
        "http.client.spring-rest-template src/main/java/a/Many.java:25:40 instrument-spring-web");
  }

  @Test
  void apacheHttpClient4BuildSitesIncludingDropwizardsBuilder() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Clients.java", """
            package a;

            import io.dropwizard.client.HttpClientBuilder;
            import io.dropwizard.setup.Environment;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;

            class Clients {
              CloseableHttpClient a = OtelApacheHttpClient4.instrument(HttpClients.createDefault());
              CloseableHttpClient b = HttpClients.custom().setMaxConnTotal(5).build();
              org.apache.http.impl.client.HttpClientBuilder c = HttpClients.custom();

              CloseableHttpClient dw(Environment environment) {
                return new HttpClientBuilder(environment).build("back");
              }
            }
            """)
        .file("src/main/java/a/Dw3.java", """
            package a;

            import io.dropwizard.client.HttpClientBuilder;
            import io.dropwizard.core.setup.Environment;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

            class Dw3 {
              CloseableHttpClient dw(Environment environment) {
                return new HttpClientBuilder(environment).build("back");
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "http.client.apache-httpclient-4 src/main/java/a/Clients.java:9:60 wrap-apache-httpclient-4 "
            + "instrumented",
        "http.client.apache-httpclient-4 src/main/java/a/Clients.java:10:27 wrap-apache-httpclient-4",
        "http.client.apache-httpclient-4 src/main/java/a/Clients.java:11:53 manual",
        "http.client.apache-httpclient-4 src/main/java/a/Clients.java:14:12 wrap-apache-httpclient-4",
        "http.client.apache-httpclient-5 src/main/java/a/Dw3.java:9:12 manual");
  }
}
