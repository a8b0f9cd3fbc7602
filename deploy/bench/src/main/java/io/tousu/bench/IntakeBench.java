package io.tousu.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts complaints to intake and prints accepted/s, latency percentiles and how long until the
 * last one is on complaints.received.
 *
 * <p>Closed loop (default): {@code --concurrency} clients each post as fast as answers come.
 * Open loop: {@code --rate N} schedules N requests a second whatever the answers; latency is
 * counted from the scheduled time, so queueing inside the server is not hidden.
 */
public final class IntakeBench {
    private static final String ID = "\"id\":\"";

    private IntakeBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        URI url = URI.create(opt.getOrDefault("url", "http://localhost:8081"));
        String token = Files.readString(Path.of(opt.getOrDefault("token-file", "deploy/local/target/tokens/channel.jwt"))).trim();
        int requests = Integer.parseInt(opt.getOrDefault("requests", "20000"));
        int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "16"));
        int rate = Integer.parseInt(opt.getOrDefault("rate", "0"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "2000"));
        String run = UUID.randomUUID().toString().substring(0, 8);

        System.out.printf("warming up with %d requests ...%n", warmup);
        drive(url, token, "W" + run, warmup, concurrency, 0, null);

        try (ReceivedWatcher watcher = new ReceivedWatcher(opt.getOrDefault("kafka", "localhost:9092"))) {
            Result r = drive(url, token, run, requests, rate > 0 ? Math.max(concurrency, 64) : concurrency, rate, watcher);
            long lastOnTopic = watcher.awaitAll(r.accepted.get(), Duration.ofSeconds(120));
            double seconds = (r.endNanos - r.startNanos) / 1e9;
            long[] lat = Arrays.copyOf(r.latencies, r.done.get());
            Arrays.sort(lat);
            System.out.printf("%s: %d requests, %s%n", rate > 0 ? "open loop" : "closed loop", requests,
                    rate > 0 ? "target " + rate + "/s" : concurrency + " concurrent clients");
            System.out.printf("accepted %d (201), other answers %d, errors %d, in %.2f s = %.0f accepted/s%n",
                    r.accepted.get(), r.other.get(), r.errors.get(), seconds, r.accepted.get() / seconds);
            System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    pct(lat, 50), pct(lat, 95), pct(lat, 99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
            System.out.println(lastOnTopic < 0
                    ? "complaints.received: only " + watcher.seen() + " of " + r.accepted.get() + " seen within 120 s"
                    : String.format("complaints.received: all %d there %.0f ms after the last answer",
                    r.accepted.get(), Math.max(0, lastOnTopic - r.endNanos) / 1e6));
        }
        System.exit(0);
    }

    private static final class Result {
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger other = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final long[] latencies;
        long startNanos;
        long endNanos;

        Result(int n) {
            latencies = new long[n];
        }
    }

    private static Result drive(URI url, String token, String run, int n, int clients, int rate,
                                ReceivedWatcher watcher) throws InterruptedException {
        Result r = new Result(n);
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastEnd = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        r.startNanos = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                Random random = new Random();
                HttpConnection http = new HttpConnection(url, "/api/v1/complaints", token);
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long scheduled = rate > 0 ? r.startNanos + (long) (i * 1e9 / rate) : System.nanoTime();
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    post(http, Complaints.body("BENCH-" + run + "-" + i, random), r, watcher, scheduled);
                    lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                }
                http.close();
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        r.endNanos = lastEnd.get();
        return r;
    }

    private static void post(HttpConnection http, String body, Result r, ReceivedWatcher watcher,
                             long scheduled) {
        try {
            HttpConnection.Answer answer = http.post(body);
            r.latencies[r.done.getAndIncrement()] = System.nanoTime() - scheduled;
            if (answer.status() == 201) {
                r.accepted.incrementAndGet();
                // The answer is intake's compact JSON; a plain search costs the machine less than a regex.
                int at = answer.body().indexOf(ID);
                if (watcher != null && at >= 0) {
                    watcher.expect(answer.body().substring(at + ID.length(), at + ID.length() + 36));
                }
            } else {
                r.other.incrementAndGet();
            }
        } catch (Exception e) {
            r.errors.incrementAndGet();
        }
    }

    /** The p-th percentile of sorted nanoseconds, in milliseconds (nearest rank). */
    static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** {@code --name value} pairs; a {@code --flag} followed by another option or nothing is "true". */
    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            opt.put(name, flag ? "true" : args[++i]);
        }
        return opt;
    }
}
