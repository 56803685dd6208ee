package com.example.front;

import io.dropwizard.Application;
import io.dropwizard.client.HttpClientBuilder;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.setup.Bootstrap;
import io.dropwizard.setup.Environment;
import org.apache.http.impl.client.CloseableHttpClient;

/** The quote service: asks {@code back} for stock over dropwizard-client's HttpClient. */
public class FrontApplication extends Application<FrontConfiguration> {
  public static void main(String[] args) throws Exception {
    new FrontApplication().run(args);
  }

  @Override
  public void initialize(Bootstrap<FrontConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
        bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
  }

  @Override
  public void run(FrontConfiguration configuration, Environment environment) {
    CloseableHttpClient back = new HttpClientBuilder(environment)
        .using(configuration.getBackClient())
        .build("back");
    environment.jersey().register(new QuoteResource(back, configuration.getBackUrl()));
  }
}
