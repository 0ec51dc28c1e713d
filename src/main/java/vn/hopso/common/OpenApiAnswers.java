package vn.hopso.common;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes the OpenAPI document say what the server does: a resource method that returns nothing
 * answers 204 No Content (JAX-RS), which the generator would list as "201 Created" for a POST. A
 * real creation answers 201 with the created thing as its body, and keeps it.
 */
public class OpenApiAnswers implements OASFilter {
  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null || responses.getAPIResponses() == null) {
      return operation;
    }
    Map<String, APIResponse> all = responses.getAPIResponses();
    APIResponse created = all.get("201");
    boolean empty =
        created != null
            && (created.getContent() == null
                || created.getContent().getMediaTypes() == null
                || created.getContent().getMediaTypes().isEmpty());
    if (empty && !all.containsKey("204")) {
      responses.removeAPIResponse("201");
      responses.addAPIResponse("204", OASFactory.createAPIResponse().description("No Content"));
    }
    return operation;
  }
}
