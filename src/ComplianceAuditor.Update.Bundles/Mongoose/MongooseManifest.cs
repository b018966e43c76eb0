using System.Text.Json;

namespace ComplianceAuditor.Update.Bundles.Mongoose;

/// <summary>
/// The manifest.json of a Mongoose OS firmware bundle: name, platform, version, build id, and the parts with their
/// source file and checksums (<c>cs_sha1</c>, and <c>cs_sha256</c> where newer tools add it). Fields named
/// <c>sig0</c>..<c>sig7</c> (top level or in a part) are taken as signatures.
/// </summary>
internal sealed record MongooseManifest(
    string? Name, string? Platform, string? Version, string? BuildId, IReadOnlyList<MongoosePart> Parts, IReadOnlyList<string> SignatureFields)
{
    private const int MaxParts = 64;

    public static MongooseManifest? TryRead(ReadOnlyMemory<byte> json, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "manifest.json is not a JSON object";
                return null;
            }

            var parts = new List<MongoosePart>();
            var signatures = SignatureNames(root, string.Empty);
            if (root.TryGetProperty("parts", out var partsElement) && partsElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var part in partsElement.EnumerateObject().Take(MaxParts).Where(p => p.Value.ValueKind == JsonValueKind.Object))
                {
                    parts.Add(new MongoosePart(part.Name, Text(part.Value, "src"), Text(part.Value, "cs_sha1"), Text(part.Value, "cs_sha256")));
                    signatures.AddRange(SignatureNames(part.Value, part.Name + "."));
                }
            }

            return new MongooseManifest(Text(root, "name"), Text(root, "platform"), Text(root, "version"), Text(root, "build_id"), parts, signatures);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            problem = "manifest.json is not valid JSON: " + e.Message;
            return null;
        }
    }

    private static List<string> SignatureNames(JsonElement element, string prefix) =>
        element.EnumerateObject().Select(p => p.Name).Where(n => n.Length == 4 && n.StartsWith("sig", StringComparison.Ordinal) && n[3] is >= '0' and <= '7')
            .Select(n => prefix + n).ToList();

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
