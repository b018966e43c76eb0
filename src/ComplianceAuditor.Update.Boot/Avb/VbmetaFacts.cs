using System.Globalization;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Boot.Avb;

/// <summary>The header fields of a vbmeta image as report facts.</summary>
internal static class VbmetaFacts
{
    public static List<InspectionFact> FromHeader(VbmetaHeader header, AvbAlgorithm? algorithm)
    {
        var flags = new List<string>();
        if ((header.Flags & VbmetaHeader.FlagHashtreeDisabled) != 0)
        {
            flags.Add("HASHTREE_DISABLED");
        }

        if ((header.Flags & VbmetaHeader.FlagVerificationDisabled) != 0)
        {
            flags.Add("VERIFICATION_DISABLED");
        }

        return
        [
            new("required libavb version", string.Create(CultureInfo.InvariantCulture, $"{header.MajorVersion}.{header.MinorVersion}")),
            new("algorithm", algorithm?.Name ?? (header.AlgorithmType == 0 ? "NONE" : string.Create(CultureInfo.InvariantCulture, $"unknown ({header.AlgorithmType})"))),
            new("flags", string.Create(CultureInfo.InvariantCulture, $"0x{header.Flags:x}{(flags.Count > 0 ? $" ({string.Join(", ", flags)})" : string.Empty)}")),
            new("rollback index", header.RollbackIndex.ToString(CultureInfo.InvariantCulture)),
            new("rollback index location", header.RollbackIndexLocation.ToString(CultureInfo.InvariantCulture)),
            new("release", header.Release),
        ];
    }
}
