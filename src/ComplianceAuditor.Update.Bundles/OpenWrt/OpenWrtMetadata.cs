using System.Text.Json;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles.OpenWrt;

/// <summary>
/// The metadata JSON fwtool appends to sysupgrade images: <c>supported_devices</c>, <c>version</c>
/// (<c>dist</c>, <c>version</c>, <c>revision</c>, <c>target</c>, <c>board</c>), <c>metadata_version</c>,
/// <c>compat_version</c>. Returns the release version and adds the rest as facts.
/// </summary>
internal static class OpenWrtMetadata
{
    private const int MaxDevices = 256;

    public static string? Read(ReadOnlyMemory<byte> json, List<InspectionFact> facts, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the sysupgrade metadata is not a JSON object";
                return null;
            }

            AddText(facts, "metadata version", root, "metadata_version");
            AddText(facts, "compat version", root, "compat_version");
            if (root.TryGetProperty("supported_devices", out var devices) && devices.ValueKind == JsonValueKind.Array)
            {
                var names = devices.EnumerateArray().Take(MaxDevices).Where(d => d.ValueKind == JsonValueKind.String).Select(d => d.GetString());
                facts.Add(new("supported devices", string.Join(", ", names)));
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var field in new[] { "dist", "revision", "target", "board" })
            {
                AddText(facts, field, version, field);
            }

            return version.TryGetProperty("version", out var release) && release.ValueKind == JsonValueKind.String ? release.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            problem = "the sysupgrade metadata is not valid JSON: " + e.Message;
            return null;
        }
    }

    private static void AddText(List<InspectionFact> facts, string name, JsonElement element, string property)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text)
        {
            facts.Add(new(name, text));
        }
    }
}
