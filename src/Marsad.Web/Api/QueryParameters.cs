using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marsad.Web.Api;

/// <summary>
/// The query parameters an endpoint reads by hand (filters, formats), declared in the OpenAPI document so that
/// clients, and the leak walk that tries every parameter of every route, know them.
/// </summary>
internal sealed record QueryParameters(params QueryParameter[] Items)
{
    public static void Declare(OpenApiOptions options) => options.AddOperationTransformer((operation, context, _) =>
    {
        foreach (var declared in context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameters>().SelectMany(q => q.Items))
        {
            operation.Parameters ??= [];
            var schema = new OpenApiSchema { Type = JsonSchemaType.String };
            foreach (var value in declared.Values ?? [])
            {
                schema.Enum ??= [];
                schema.Enum.Add(System.Text.Json.Nodes.JsonValue.Create(value));
            }

            operation.Parameters.Add(new OpenApiParameter { Name = declared.Name, In = ParameterLocation.Query, Description = declared.Description, Schema = schema });
        }

        return Task.CompletedTask;
    });
}

/// <summary>One query parameter; <see cref="Values"/> when only these are accepted (a format).</summary>
internal sealed record QueryParameter(string Name, string Description, string[]? Values = null);
