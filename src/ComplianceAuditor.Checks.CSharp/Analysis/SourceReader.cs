using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using Microsoft.CodeAnalysis.Text;

namespace ComplianceAuditor.Checks.CSharp.Analysis;

/// <summary>Reads a tree file's text within a byte bound, as the compiler would decode it (BOM, else UTF-8).</summary>
internal static class SourceReader
{
    /// <summary>The file's text, or null with <paramref name="problem"/> set when it is too large or unreadable.</summary>
    public static SourceText? Read(Artifact artifact, long maxBytes, out string? problem)
    {
        problem = null;
        if (artifact.Content is null)
        {
            problem = "the file has no readable content";
            return null;
        }

        if (artifact.Size > maxBytes)
        {
            problem = $"the file is {artifact.Size:N0} bytes, more than the {maxBytes:N0} bytes the C# analysis reads in one file";
            return null;
        }

        try
        {
            using var stream = artifact.Content.OpenRead();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                // The stated size may be wrong (a file that grew, a lying container): the bound holds regardless.
                if (buffer.Length + read > maxBytes)
                {
                    problem = $"the file holds more than the {maxBytes:N0} bytes the C# analysis reads in one file";
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            var bytes = buffer.GetBuffer();
            try
            {
                return SourceText.From(bytes, (int)buffer.Length, encoding: null, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true);
            }
            catch (InvalidDataException)
            {
                problem = "the file holds binary data, not C# source";
                return null;
            }
            catch (DecoderFallbackException)
            {
                return SourceText.From(bytes, (int)buffer.Length, Encoding.Latin1, SourceHashAlgorithm.Sha256);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"the file could not be read: {IoErrors.Describe(e)}";
            return null;
        }
    }
}
