using System.Text.Json;

namespace ComplianceAuditor.Update.Bundles.Mender;

/// <summary>
/// What header-info declares: the artifact name, the device types it installs on and the payload types. Version 3
/// nests them in <c>artifact_provides</c> / <c>artifact_depends</c> / <c>payloads</c>; version 2 kept
/// <c>artifact_name</c>, <c>device_types_compatible</c> and <c>updates</c> at the top.
/// </summary>
internal sealed record MenderHeaderInfo(string? ArtifactName, IReadOnlyList<string> DeviceTypes, IReadOnlyList<string> PayloadTypes)
{
    private const int MaxDepth = 16;
    private const int MaxItems = 256;

    public static MenderHeaderInfo? TryRead(ReadOnlyMemory<byte> json, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "header-info is not a JSON object";
                return null;
            }

            var name = Text(Property(Property(root, "artifact_provides"), "artifact_name")) ?? Text(Property(root, "artifact_name"));
            var devices = Strings(Property(Property(root, "artifact_depends"), "device_type"));
            if (devices.Count == 0)
            {
                devices = Strings(Property(root, "device_types_compatible"));
            }

            var payloads = Property(root, "payloads") ?? Property(root, "updates");
            var types = payloads is { ValueKind: JsonValueKind.Array } array
                ? array.EnumerateArray().Take(MaxItems).Select(p => Text(Property(p, "type"))).OfType<string>().ToList()
                : [];
            return new MenderHeaderInfo(name, devices, types);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            problem = "header-info is not valid JSON: " + e.Message;
            return null;
        }
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? element) => element is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    private static List<string> Strings(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Take(MaxItems).Select(e => Text(e)).OfType<string>().ToList(),
        { ValueKind: JsonValueKind.String } single => [single.GetString()!],
        _ => [],
    };
}
