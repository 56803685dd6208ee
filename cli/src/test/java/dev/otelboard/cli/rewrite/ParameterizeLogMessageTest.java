package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cases beyond a plain concatenation (those are in {@link JavaRewritesTest}). */
class ParameterizeLogMessageTest {

  @Test
  void existingPlaceholdersKeepTheirArgumentsInTextualOrderAndTheThrowableStaysLast() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new ParameterizeLogMessage(),
            """
            package com.example.shop;

            import org.apache.logging.log4j.LogManager;
            import org.apache.logging.log4j.Logger;

            class Shop {
              private static final Logger LOG = LogManager.getLogger();

              void order(String id, int count, String user, Exception e) {
                LOG.info("order " + id + " for {} x{}", user, count);
                LOG.error("order {} failed after " + count + " tries", id, e);
                LOG.warn(id + " is slow");
              }
            }
            """,
            """
            package com.example.shop;

            import org.apache.logging.log4j.LogManager;
            import org.apache.logging.log4j.Logger;

            class Shop {
              private static final Logger LOG = LogManager.getLogger();

              void order(String id, int count, String user, Exception e) {
                LOG.info("order {} for {} x{}", id, user, count);
                LOG.error("order {} failed after {} tries", id, count, e);
                LOG.warn("{} is slow", id);
              }
            }
            """);
    assertThat(result.changes()).extracting(Change::line).containsExactly(10, 11, 12);
  }

  @Test
  void messagesWhosePlaceholdersDontLineUpOrMayBeArithmeticAreLeftAlone() {
    assertUnchanged(
        new ParameterizeLogMessage(),
        """
        package com.example.shop;

        import org.slf4j.Logger;
        import org.slf4j.LoggerFactory;

        class Shop {
          private static final Logger LOG = LoggerFactory.getLogger(Shop.class);

          void order(int a, int b, String id) {
            LOG.info(a + b + " items");
            LOG.info("literal {} braces for " + id);
            LOG.info("escaped \\\\{} for " + id);
            LOG.info("too many " + id, a, b);
          }
        }
        """);
  }
}
