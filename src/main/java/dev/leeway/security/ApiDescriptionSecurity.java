package dev.leeway.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Says in the served API description what {@link SecurityConfiguration} enforces: the ways to
 * authenticate, the permission each operation needs (as {@code x-permission} and in its security
 * requirement), and the problems it may answer with.
 */
@Component
class ApiDescriptionSecurity implements OpenApiCustomizer {

    static final String API_KEY = "apiKey";
    static final String JWT = "jwt";
    static final String PERMISSION_EXTENSION = "x-permission";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final boolean jwtsAccepted;

    ApiDescriptionSecurity(ObjectProvider<JwtDecoder> jwtDecoder) {
        this.jwtsAccepted = jwtDecoder.getIfAvailable() != null;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key, sent as \"Authorization: Bearer <key>\". Leeway keeps only its SHA-256."));
        if (jwtsAccepted) {
            components.addSecuritySchemes(JWT, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT")
                    .description("A JWT from the configured identity provider; its scopes are the permissions."));
        }
        components.addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                guard(HttpMethod.valueOf(method.name()), path, item, operation)));
    }

    private void guard(HttpMethod method, String path, PathItem item, Operation operation) {
        EndpointPermissions.OPERATIONS.stream()
                .filter(guarded -> guarded.method().equals(method) && guarded.path().equals(path))
                .findFirst()
                .ifPresent(guarded -> {
                    String scope = guarded.permission().scope();
                    operation.addExtension(PERMISSION_EXTENSION, scope);
                    operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                            + "Needs the permission `" + scope + "`.");
                    operation.setSecurity(jwtsAccepted
                            ? List.of(new SecurityRequirement().addList(API_KEY), new SecurityRequirement().addList(JWT, scope))
                            : List.of(new SecurityRequirement().addList(API_KEY)));
                });
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty());
        if (takesInput) {
            problem(responses, "400", "Invalid input: the errors list names each field");
        }
        problem(responses, "401", "No credentials, or credentials that were not accepted (with WWW-Authenticate)");
        problem(responses, "403", "The credentials do not grant the permission this operation needs");
        problem(responses, "429", "Authentication from this address failed too often lately (with Retry-After)");
        problem(responses, "500", "Leeway failed to answer; the failure is in its log");
    }

    private static void problem(ApiResponses responses, String status, String description) {
        ApiResponse response = responses.get(status);
        if (response == null) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
        } else if (response.getContent() == null || response.getContent().isEmpty()
                || response.getContent().containsKey("*/*")) {
            // Springdoc describes an @ExceptionHandler's answer as */* of whatever it returns.
            response.setContent(problemContent());
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    /** RFC 9457's members, and the list of invalid fields Leeway adds. */
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field's JSON path, or the parameter's name"))
                .addProperty("message", new StringSchema())
                .addProperty("allowed", new ArraySchema().items(new StringSchema())
                        .description("for a field that takes one of a set of values, those it takes"))
                .addProperty("source", new StringSchema()
                        .description("for a value read through a source system's aliases, that source"));
        return new ObjectSchema()
                .description("An RFC 9457 problem")
                .addProperty("type", new StringSchema().format("uri").description("what kind of problem, e.g. "
                        + "urn:leeway:problem:invalid-request"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError));
    }
}
