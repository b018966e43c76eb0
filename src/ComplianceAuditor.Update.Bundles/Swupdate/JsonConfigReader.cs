using System.Text.Json;

namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>Reads the JSON form of sw-description into the same <see cref="ConfigNode"/> tree as libconfig, bounded in depth.</summary>
internal static class JsonConfigReader
{
    private const int MaxDepth = 32;

    public static ConfigNode? TryParse(ReadOnlyMemory<byte> json, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                MaxDepth = MaxDepth,
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            return Convert(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            problem = "sw-description is not valid JSON: " + e.Message;
            return null;
        }
    }

    /// <summary>Recursion is bounded by the document's own depth limit.</summary>
    private static ConfigNode Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new ConfigNode(ConfigKind.Group, null,
            [.. element.EnumerateObject().Select(p => new ConfigSetting(p.Name, Convert(p.Value)))]),
        JsonValueKind.Array => new ConfigNode(ConfigKind.List, null,
            [.. element.EnumerateArray().Select(e => new ConfigSetting(null, Convert(e)))]),
        JsonValueKind.String => ConfigNode.Text(element.GetString() ?? string.Empty),
        _ => ConfigNode.Text(element.GetRawText()),
    };
}
