package dev.leeway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that talk to the running service as a helpdesk would; it calls with
 * the test key that holds every permission unless told otherwise.
 */
public final class HttpApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    /** The Authorization header's value; null for calls without credentials. */
    private final String authorization;

    public HttpApi(int port) {
        this("http://localhost:" + port, "Bearer " + TestKeys.ALL);
    }

    private HttpApi(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same service, called with another API key (or a JWT). */
    public HttpApi as(String bearerToken) {
        return new HttpApi(base, "Bearer " + bearerToken);
    }

    /** The same service, called without credentials. */
    public HttpApi anonymous() {
        return new HttpApi(base, null);
    }

    /** A response with its body parsed as JSON (null when the body is not JSON). */
    public record Reply(int status, String contentType, String body, JsonNode json, HttpHeaders headers) {

        /** The header's first value, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A POST without a body, as for starting something. */
    public Reply post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Reply postJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply putJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** Asks for a decision and returns it, failing the test unless it was answered with 200. */
    public JsonNode decide(String body) {
        Reply reply = postJson("/api/v1/decisions", body);
        if (reply.status() != 200) {
            throw new AssertionError("expected a decision but got " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** The status one component of {@code /actuator/health} reports, e.g. {@code rules}. */
    public String healthOf(String component) {
        return get("/actuator/health").json().path("components").path(component).path("status").asString();
    }

    /**
     * Every item of a paged listing, following {@code nextCursor} from the first page to the last;
     * fails the test on any answer but 200.
     *
     * @param path the listing with its query, which must not end in a cursor already
     */
    public List<JsonNode> everyItem(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = get(path + (path.contains("?") ? "&" : "?") + (cursor == null ? "" : "cursor=" + cursor));
            if (page.status() != 200) {
                throw new AssertionError("expected a page but got " + page.status() + ": " + page.body());
            }
            page.json().path("items").forEach(items::add);
            cursor = page.json().has("nextCursor") ? page.json().path("nextCursor").asString() : null;
        } while (cursor != null && items.size() < 100_000);
        return items;
    }

    /**
     * The JSON at {@code path}, asked for again and again until it meets {@code condition}; fails
     * the test, showing the last answer, when {@code within} has passed first.
     */
    public JsonNode awaited(String path, Predicate<JsonNode> condition, Duration within) {
        long giveUp = System.nanoTime() + within.toNanos();
        JsonNode answer = get(path).json();
        while (!condition.test(answer)) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("waited " + within + " in vain; " + path + " still answers " + answer);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            answer = get(path).json();
        }
        return answer;
    }

    public Reply send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            boolean oneJsonDocument = contentType.startsWith("application/json") || contentType.contains("+json");
            JsonNode json = oneJsonDocument && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Reply(response.statusCode(), contentType, response.body(), json, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The element of a JSON array whose field has the given value; fails the test if there is none. */
    public static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asString())) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
