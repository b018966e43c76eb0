using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Tests.Fixtures;

/// <summary>Writes SVR4 cpio archives ("newc" 070701, or 070702 with the byte-sum check) the way SWUpdate tools do.</summary>
internal static class CpioWriter
{
    public static byte[] Write(IEnumerable<(string Name, byte[] Data)> members, bool withChecksum = true)
    {
        using var output = new MemoryStream();
        var inode = 1;
        foreach (var (name, data) in members)
        {
            AddMember(output, name, data, inode++, withChecksum);
        }

        AddMember(output, "TRAILER!!!", [], 0, withChecksum);
        return output.ToArray();
    }

    /// <summary>One header with an arbitrary declared size (for lying-size tests), its name and data.</summary>
    public static void AddMember(MemoryStream output, string name, byte[] data, int inode, bool withChecksum, long? declaredSize = null)
    {
        var check = withChecksum ? data.Aggregate(0u, (sum, b) => sum + b) : 0u;
        var nameBytes = Encoding.ASCII.GetBytes(name + "\0");
        var mode = name == "TRAILER!!!" ? 0 : 0x81A4;
        long[] fields = [inode, mode, 0, 0, 1, 0, declaredSize ?? data.Length, 0, 0, 0, 0, nameBytes.Length, check];
        var header = new StringBuilder(withChecksum ? "070702" : "070701");
        foreach (var field in fields)
        {
            header.Append(((uint)field).ToString("X8", CultureInfo.InvariantCulture));
        }

        output.Write(Encoding.ASCII.GetBytes(header.ToString()));
        output.Write(nameBytes);
        Pad(output);
        output.Write(data);
        Pad(output);
    }

    private static void Pad(MemoryStream output)
    {
        while (output.Length % 4 != 0)
        {
            output.WriteByte(0);
        }
    }
}
