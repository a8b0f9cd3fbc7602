package io.tousu.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A collector of our own for tests: accepts OTLP/HTTP protobuf trace exports on
 * {@code /v1/traces} and keeps each span's service, trace id, ids and name. Reads only the
 * fields it needs from the protobuf wire format (opentelemetry-proto's trace and resource
 * messages), so that it depends on no OpenTelemetry or protobuf library.
 */
final class OtlpReceiver implements AutoCloseable {
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", this::export);
        server.start();
    }

    /** The endpoint to give as QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT. */
    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            spans.addAll(request(body.readAllBytes()));
            // An empty ExportTraceServiceResponse: full success.
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, 0);
        }
    }

    /** ExportTraceServiceRequest: 1 = ResourceSpans. */
    static List<ReceivedSpan> request(byte[] message) {
        List<ReceivedSpan> out = new ArrayList<>();
        for (Field f : Field.all(message)) {
            if (f.number == 1) {
                resourceSpans(f.bytes, out);
            }
        }
        return out;
    }

    /** ResourceSpans: 1 = Resource (1 = KeyValue attributes), 2 = ScopeSpans (2 = Span). */
    private static void resourceSpans(byte[] message, List<ReceivedSpan> out) {
        String service = null;
        List<byte[]> scopes = new ArrayList<>();
        for (Field f : Field.all(message)) {
            if (f.number == 1) {
                for (Field attribute : Field.all(f.bytes)) {
                    if (attribute.number == 1) {
                        service = serviceName(attribute.bytes, service);
                    }
                }
            } else if (f.number == 2) {
                scopes.add(f.bytes);
            }
        }
        for (byte[] scope : scopes) {
            for (Field f : Field.all(scope)) {
                if (f.number == 2) {
                    out.add(span(service, f.bytes));
                }
            }
        }
    }

    /** KeyValue: 1 = key, 2 = AnyValue (1 = string value). */
    private static String serviceName(byte[] keyValue, String found) {
        String key = null;
        String value = null;
        for (Field f : Field.all(keyValue)) {
            if (f.number == 1) {
                key = f.text();
            } else if (f.number == 2) {
                for (Field v : Field.all(f.bytes)) {
                    if (v.number == 1) {
                        value = v.text();
                    }
                }
            }
        }
        return "service.name".equals(key) ? value : found;
    }

    /** Span: 1 = trace id, 2 = span id, 4 = parent span id, 5 = name. */
    private static ReceivedSpan span(String service, byte[] message) {
        String traceId = null;
        String spanId = null;
        String parent = "";
        String name = null;
        for (Field f : Field.all(message)) {
            switch (f.number) {
                case 1 -> traceId = HexFormat.of().formatHex(f.bytes);
                case 2 -> spanId = HexFormat.of().formatHex(f.bytes);
                case 4 -> parent = HexFormat.of().formatHex(f.bytes);
                case 5 -> name = f.text();
                default -> { }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name);
    }

    /** One field of a protobuf message; {@code bytes} only for length-delimited ones. */
    private record Field(int number, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static List<Field> all(byte[] message) {
            List<Field> fields = new ArrayList<>();
            ByteBuffer in = ByteBuffer.wrap(message);
            while (in.hasRemaining()) {
                long tag = varint(in);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> varint(in);
                    case 1 -> in.position(in.position() + 8);
                    case 2 -> {
                        byte[] bytes = new byte[(int) varint(in)];
                        in.get(bytes);
                        fields.add(new Field(number, bytes));
                    }
                    case 5 -> in.position(in.position() + 4);
                    default -> throw new IllegalArgumentException("unsupported wire type in tag " + tag);
                }
            }
            return fields;
        }

        private static long varint(ByteBuffer in) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = in.get() & 0xff;
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
