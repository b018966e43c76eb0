using System.Security.Cryptography;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Rules.Validation;
using ComplianceAuditor.Rules.Yaml;

namespace ComplianceAuditor.Rules.UserFiles;

/// <summary>
/// A YAML file a user hands the audit (a declaration, waivers): read with the size limit and strict parser of rule
/// files, checked against its JSON Schema, and hashed so the report names exactly which file it used.
/// </summary>
internal sealed record UserDataFile(YMapping Root, SourceFile Source, string Sha256)
{
    public static UserDataFile? Read(string path, SchemaValidator schema, List<RuleLoadError> errors)
    {
        // The file name only: reports name it (with its hash) the same wherever the file sits, so reruns are identical.
        var display = Path.GetFileName(path.TrimEnd('/', '\\'));
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                errors.Add(new RuleLoadError(display, "file does not exist"));
                return null;
            }

            if (info.Length > YamlTreeReader.MaxBytes)
            {
                errors.Add(new RuleLoadError($"{display}:1:1", $"file is larger than {YamlTreeReader.MaxBytes} bytes"));
                return null;
            }

            // Bounded as it is read too: a device or pipe (/dev/zero, a FIFO) reports a length of 0 and never ends.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var limited = new Core.IO.LimitedReadStream(file, YamlTreeReader.MaxBytes, l => new InvalidDataException($"it yields more than {l} bytes (not a regular file, or larger than its size said)"), ownsInner: false);
            using var copy = new MemoryStream();
            limited.CopyTo(copy);
            bytes = copy.ToArray();
        }
        catch (InvalidDataException e)
        {
            errors.Add(new RuleLoadError($"{display}:1:1", $"cannot read file: {e.Message}"));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(new RuleLoadError(display, $"cannot read file: {Core.Text.IoErrors.Describe(e)}"));
            return null;
        }

        YNode root;
        try
        {
            root = YamlTreeReader.Read(new System.Text.UTF8Encoding(false, false).GetString(bytes), display);
        }
        catch (DataFileException e)
        {
            errors.Add(new RuleLoadError(e.Location, e.Problem));
            return null;
        }

        if (root is not YMapping doc)
        {
            errors.Add(new RuleLoadError($"{display}:{root.Position.Line}:{root.Position.Column}", "the document must be a mapping"));
            return null;
        }

        var (json, positions) = YamlJson.Convert(doc);
        var source = new SourceFile(display, positions);
        var schemaErrors = schema.Validate(json, source);
        if (schemaErrors.Count > 0)
        {
            errors.AddRange(schemaErrors);
            return null;
        }

        return new UserDataFile(doc, source, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
