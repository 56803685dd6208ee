package dev.otelboard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsyncDetectorTest {

  @Test
  void executorFactoriesConstructorsAndTheirWrapping() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Pools.java", """
            package a;

            import static java.util.concurrent.Executors.newCachedThreadPool;

            import com.sun.net.httpserver.HttpServer;
            import io.opentelemetry.context.Context;
            import java.util.concurrent.*;

            class Pools {
              ExecutorService fixed = Executors.newFixedThreadPool(4);
              ExecutorService cached = newCachedThreadPool();
              ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
              ExecutorService wrapped = Context.taskWrapping(Executors.newWorkStealingPool());
              ExecutorService tpe = new ThreadPoolExecutor(1, 2, 1, TimeUnit.SECONDS,
                  new ArrayBlockingQueue<>(10));
              ThreadPoolExecutor concrete = new ThreadPoolExecutor(1, 2, 1, TimeUnit.SECONDS,
                  new ArrayBlockingQueue<>(10));
              ThreadPoolExecutor cast = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
              ForkJoinPool fj = new ForkJoinPool(2);

              void serve(HttpServer server) {
                server.setExecutor(Executors.newFixedThreadPool(8));
                ForkJoinPool.commonPool().submit(() -> {});
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "tracing.otel-api src/main/java/a/Pools.java:6:1 none instrumented",
        "async.executor-factory src/main/java/a/Pools.java:10:27 wrap-executor",
        "async.executor-factory src/main/java/a/Pools.java:11:28 wrap-executor",
        "async.scheduled-executor src/main/java/a/Pools.java:12:36 wrap-executor",
        "async.executor-factory src/main/java/a/Pools.java:13:50 wrap-executor instrumented",
        "async.thread-pool-executor src/main/java/a/Pools.java:14:25 wrap-executor",
        "async.thread-pool-executor src/main/java/a/Pools.java:16:33 manual",
        "async.executor-factory src/main/java/a/Pools.java:18:50 manual",
        "async.fork-join-pool src/main/java/a/Pools.java:19:21 manual",
        "async.executor-factory src/main/java/a/Pools.java:22:24 none",
        "async.fork-join-pool src/main/java/a/Pools.java:23:5 manual");
  }

  @Test
  void completableFutureAsyncWithoutAnExecutor() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Futures.java", """
            package a;

            import io.opentelemetry.context.Context;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.Executor;

            class Futures {
              void run(Executor executor) {
                CompletableFuture.supplyAsync(() -> 1)
                    .thenApplyAsync(x -> x + 1)
                    .thenApplyAsync(x -> x + 1, executor);
                CompletableFuture.runAsync(() -> {}, executor);
                CompletableFuture.runAsync(Context.current().wrap(() -> {}));
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "tracing.otel-api src/main/java/a/Futures.java:3:1 none instrumented",
        "async.completable-future src/main/java/a/Futures.java:9:5 wrap-completable-future",
        "async.completable-future src/main/java/a/Futures.java:10:10 wrap-completable-future",
        "async.completable-future src/main/java/a/Futures.java:13:5 wrap-completable-future "
            + "instrumented");
    assertThat(r.findings().get(1).symbol())
        .isEqualTo("java.util.concurrent.CompletableFuture.supplyAsync");
    assertThat(r.findings().get(2).symbol())
        .isEqualTo("java.util.concurrent.CompletableFuture.thenApplyAsync");
  }

  @Test
  void newThreadVariants() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Threads.java", """
            package a;

            import java.util.concurrent.ThreadFactory;

            class Threads {
              void run(Runnable task) {
                new Thread(() -> {}).start();
                new Thread(task, "worker").start();
                new Thread() {
                  @Override
                  public void run() {}
                }.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {}));
                String text = "new Thread(() -> {})";
                // new Thread(() -> {}).start();
              }

              ThreadFactory factory = r -> new Thread(r, "pool");

              static final class Factory implements ThreadFactory {
                @Override
                public Thread newThread(Runnable r) {
                  return new Thread(r);
                }
              }
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "async.thread src/main/java/a/Threads.java:7:5 wrap-thread",
        "async.thread src/main/java/a/Threads.java:8:5 wrap-thread",
        "async.thread src/main/java/a/Threads.java:9:5 manual",
        "async.thread src/main/java/a/Threads.java:13:42 none",
        "async.thread src/main/java/a/Threads.java:18:32 none",
        "async.thread src/main/java/a/Threads.java:23:14 none");
  }

  @Test
  void aClassOfYourOwnNamedThreadOrExecutorsIsNotAnAsyncBoundary() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Thread.java", """
            package a;

            class Thread {
              Thread(Runnable r) {}
            }
            """)
        .file("src/main/java/a/Executors.java", """
            package a;

            class Executors {
              static Object newFixedThreadPool(int n) {
                return null;
              }
            }
            """)
        .file("src/main/java/a/User.java", """
            package a;

            class User {
              Object t = new Thread(() -> {});
              Object e = Executors.newFixedThreadPool(2);
            }
            """)
        .scan();
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void springAsyncAndScheduled() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Jobs.java", """
            package a;

            import org.springframework.scheduling.annotation.Async;
            import org.springframework.scheduling.annotation.Scheduled;

            class Jobs {
              @Async
              public void later() {}

              @Scheduled(fixedRate = 1000)
              public void tick() {}
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "async.spring-async src/main/java/a/Jobs.java:8:15 decorate-async-tasks",
        "async.spring-scheduled src/main/java/a/Jobs.java:11:15 none");
  }
}
