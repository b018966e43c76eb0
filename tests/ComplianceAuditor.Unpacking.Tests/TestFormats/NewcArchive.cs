using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Unpacking.Tests.TestFormats;

/// <summary>
/// Writes SVR4 "new ASCII" cpio archives (magic 070701), the format of Linux initramfs images, for tests that go
/// through the application's own format registry. Header: the magic, thirteen 8-digit hex fields, the name with its
/// NUL, padding to 4 bytes; then the data, padded to 4 bytes; a TRAILER!!! entry ends the archive.
/// </summary>
internal sealed class NewcArchive
{
    private readonly List<byte> _bytes = [];
    private int _inode = 1;

    public NewcArchive File(string name, string content) => Add(name, 0x81A4, Encoding.UTF8.GetBytes(content));

    public NewcArchive Directory(string name) => Add(name, 0x41ED, []);

    public NewcArchive Symlink(string name, string target) => Add(name, 0xA1FF, Encoding.UTF8.GetBytes(target));

    public byte[] Build()
    {
        Add("TRAILER!!!", 0, []);
        return _bytes.ToArray();
    }

    private NewcArchive Add(string name, int mode, byte[] data)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name + "\0");
        var fields = new long[] { _inode++, mode, 0, 0, 1, 1767225600, data.Length, 0, 0, 0, 0, nameBytes.Length, 0 };
        var header = "070701" + string.Concat(fields.Select(f => f.ToString("x8", CultureInfo.InvariantCulture)));
        _bytes.AddRange(Encoding.ASCII.GetBytes(header));
        _bytes.AddRange(nameBytes);
        Pad();
        _bytes.AddRange(data);
        Pad();
        return this;
    }

    private void Pad()
    {
        while (_bytes.Count % 4 != 0)
        {
            _bytes.Add(0);
        }
    }
}
