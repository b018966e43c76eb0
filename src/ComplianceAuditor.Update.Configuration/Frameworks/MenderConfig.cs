using System.Text.Json;
using ComplianceAuditor.Update.Configuration.Parsing;

namespace ComplianceAuditor.Update.Configuration.Frameworks;

/// <summary>
/// The settings of a <c>mender.conf</c> (JSON) that the audit needs, names matched without regard to case as the
/// Go client matches them. JSON carries no line numbers, so each value is located by finding its text in the file.
/// </summary>
internal sealed class MenderConfig
{
    public List<Setting> VerifyKeys { get; } = [];

    public List<Setting> Servers { get; } = [];

    public List<Setting> SkipVerify { get; } = [];

    public Setting? PartA { get; private set; }

    public Setting? PartB { get; private set; }

    public Setting? PollInterval { get; private set; }

    public static MenderConfig Read(IEnumerable<TextFile> files, Action<string> problem)
    {
        var config = new MenderConfig();
        var options = new JsonDocumentOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        foreach (var file in files)
        {
            try
            {
                using var document = JsonDocument.Parse(file.Text, options);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    config.Add(file, document.RootElement);
                }
            }
            catch (JsonException e)
            {
                problem($"{file.Path}: not valid JSON ({e.Message})");
            }
        }

        return config;
    }

    private void Add(TextFile file, JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name.ToUpperInvariant())
            {
                case "ARTIFACTVERIFYKEY" when value.ValueKind == JsonValueKind.String:
                    VerifyKeys.Add(Locate(file, value.GetString()!));
                    break;
                case "ARTIFACTVERIFYKEYS" when value.ValueKind == JsonValueKind.Array:
                    VerifyKeys.AddRange(value.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Take(64).Select(k => Locate(file, k.GetString()!)));
                    break;
                case "SERVERURL" when value.ValueKind == JsonValueKind.String:
                    Servers.Add(Locate(file, value.GetString()!));
                    break;
                case "SERVERS" when value.ValueKind == JsonValueKind.Array:
                    foreach (var server in value.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).Take(64))
                    {
                        Add(file, server);
                    }

                    break;
                case "SKIPVERIFY" when value.ValueKind == JsonValueKind.True:
                    SkipVerify.Add(Locate(file, "SkipVerify", "true"));
                    break;
                case "ROOTFSPARTA" when value.ValueKind == JsonValueKind.String:
                    PartA = Locate(file, value.GetString()!);
                    break;
                case "ROOTFSPARTB" when value.ValueKind == JsonValueKind.String:
                    PartB = Locate(file, value.GetString()!);
                    break;
                case "UPDATEPOLLINTERVALSECONDS" when value.ValueKind == JsonValueKind.Number:
                    PollInterval = Locate(file, "UpdatePollIntervalSeconds", value.GetRawText());
                    break;
                default:
                    break;
            }
        }
    }

    private static Setting Locate(TextFile file, string value) => Locate(file, null, value);

    /// <summary>The value with the first line that holds it (and <paramref name="near"/>, when given), or line 1.</summary>
    private static Setting Locate(TextFile file, string? near, string value)
    {
        for (var i = 0; i < file.Lines.Count; i++)
        {
            var line = file.Lines[i];
            if (line.Contains(value, StringComparison.Ordinal) && (near is null || line.Contains(near, StringComparison.OrdinalIgnoreCase)))
            {
                return new Setting(value, file.At(i));
            }
        }

        return new Setting(value, new FileLocation(file.Path, 1));
    }
}
