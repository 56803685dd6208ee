package com.example.front;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.Configuration;
import io.dropwizard.client.HttpClientConfiguration;
import javax.validation.Valid;
import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.NotNull;

/** config.yml of the quote service: where {@code back} is and how to reach it. */
public class FrontConfiguration extends Configuration {
  @NotEmpty private String backUrl;

  @Valid @NotNull private HttpClientConfiguration backClient = new HttpClientConfiguration();

  @JsonProperty
  public String getBackUrl() {
    return backUrl;
  }

  @JsonProperty
  public void setBackUrl(String backUrl) {
    this.backUrl = backUrl;
  }

  @JsonProperty
  public HttpClientConfiguration getBackClient() {
    return backClient;
  }

  @JsonProperty
  public void setBackClient(HttpClientConfiguration backClient) {
    this.backClient = backClient;
  }
}
