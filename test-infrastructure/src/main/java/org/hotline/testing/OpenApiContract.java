package org.hotline.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a service's published OpenAPI document ({@code /q/openapi?format=json}, read as a map)
 * against the endpoints the service has, and against the rules every service's document keeps:
 * an operation id per operation, the bearer scheme on every operation but the public ones, and
 * every error documented as {@code application/problem+json} with the {@code Problem} schema.
 */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM = "#/components/schemas/Problem";

    private OpenApiContract() {
    }

    /** "METHOD path" of every operation in the document, e.g. {@code POST /api/v1/contacts}. */
    @SuppressWarnings("unchecked")
    public static Set<String> operations(Map<String, Object> document) {
        Set<String> found = new TreeSet<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> item.keySet().stream()
                .filter(METHODS::contains).forEach(method -> found.add(method.toUpperCase() + " " + path)));
        return found;
    }

    /**
     * Every way the document breaks the rules, one line each; empty when it keeps them all.
     *
     * @param publicPathPrefixes paths served without a token: their operations need no security
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Map<String, Object> document, Set<String> publicPathPrefixes) {
        List<String> violations = new ArrayList<>();
        if (!(document.get("servers") instanceof List<?> servers) || servers.isEmpty()) {
            violations.add("no servers");
        }
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        Map<String, Object> schemes = (Map<String, Object>) components.getOrDefault("securitySchemes", Map.of());
        boolean bearer = schemes.values().stream().map(s -> (Map<String, Object>) s)
                .anyMatch(s -> "http".equals(s.get("type"))
                        && "bearer".equalsIgnoreCase(String.valueOf(s.get("scheme"))));
        if (!bearer) {
            violations.add("no bearer security scheme");
        }
        if (!((Map<String, Object>) components.getOrDefault("schemas", Map.of())).containsKey("Problem")) {
            violations.add("no Problem schema");
        }
        Set<String> operationIds = new HashSet<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            Map<String, Object> operation = (Map<String, Object>) value;
            Object id = operation.get("operationId");
            if (id == null) {
                violations.add(name + ": no operationId");
            } else if (!operationIds.add(id.toString())) {
                violations.add(name + ": operationId " + id + " is used twice");
            }
            Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                violations.add(name + ": no success response");
            }
            boolean isPublic = publicPathPrefixes.stream().anyMatch(path::startsWith);
            if (!isPublic) {
                if (!(operation.get("security") instanceof List<?> security) || security.isEmpty()) {
                    violations.add(name + ": no security requirement");
                }
                for (String code : List.of("401", "403")) {
                    if (!responses.containsKey(code)) {
                        violations.add(name + ": " + code + " not documented");
                    }
                }
            }
            boolean takesInput = operation.get("requestBody") != null
                    || operation.get("parameters") instanceof List<?> parameters && !parameters.isEmpty();
            if (takesInput && !responses.containsKey("400")) {
                violations.add(name + ": takes input but 400 is not documented");
            }
            responses.forEach((code, response) -> {
                if ((code.startsWith("4") || code.startsWith("5")) && !isProblem((Map<String, Object>) response)) {
                    violations.add(name + ": " + code + " is not application/problem+json with the Problem schema");
                }
            });
        }));
        return violations;
    }

    @SuppressWarnings("unchecked")
    private static boolean isProblem(Map<String, Object> response) {
        Map<String, Object> content = (Map<String, Object>) response.getOrDefault("content", Map.of());
        if (!(content.get("application/problem+json") instanceof Map<?, ?> media)) {
            return false;
        }
        return media.get("schema") instanceof Map<?, ?> schema && PROBLEM.equals(schema.get("$ref"));
    }
}
