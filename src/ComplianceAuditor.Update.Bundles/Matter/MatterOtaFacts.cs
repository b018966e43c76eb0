using System.Globalization;
using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Bundles.Matter;

/// <summary>The Matter OTA header fields as report facts, and the PayloadSize check.</summary>
internal static class MatterOtaFacts
{
    public static void Add(Dictionary<int, MatterTlvValue> header, int payloadLength, List<InspectionFact> facts, ref string? problem)
    {
        AddHex(facts, "vendor ID", MatterOtaFormat.Integer(header, 0));
        AddHex(facts, "product ID", MatterOtaFormat.Integer(header, 1));
        AddNumber(facts, "software version", MatterOtaFormat.Integer(header, 2));
        AddText(facts, "software version string", header, 3);
        AddNumber(facts, "payload size", MatterOtaFormat.Integer(header, 4));
        AddNumber(facts, "minimum applicable software version", MatterOtaFormat.Integer(header, 5));
        AddNumber(facts, "maximum applicable software version", MatterOtaFormat.Integer(header, 6));
        AddText(facts, "release notes URL", header, 7);
        if (MatterOtaFormat.Integer(header, 4) is { } declared && declared != (ulong)payloadLength)
        {
            problem ??= string.Create(CultureInfo.InvariantCulture, $"PayloadSize says {declared} bytes; the file holds {payloadLength} after the header");
        }
    }

    private static void AddHex(List<InspectionFact> facts, string name, ulong? value)
    {
        if (value is { } v)
        {
            facts.Add(new(name, string.Create(CultureInfo.InvariantCulture, $"0x{v:X4}")));
        }
    }

    private static void AddNumber(List<InspectionFact> facts, string name, ulong? value)
    {
        if (value is { } v)
        {
            facts.Add(new(name, v.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static void AddText(List<InspectionFact> facts, string name, Dictionary<int, MatterTlvValue> header, int tag)
    {
        if (header.TryGetValue(tag, out var value) && value.Text is { } text)
        {
            facts.Add(new(name, text));
        }
    }
}
