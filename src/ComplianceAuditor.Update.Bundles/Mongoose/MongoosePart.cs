namespace ComplianceAuditor.Update.Bundles.Mongoose;

/// <summary>One part of a Mongoose OS bundle (app, fs, boot...) and its checksums as lower- or upper-case hex.</summary>
internal sealed record MongoosePart(string Name, string? Source, string? Sha1, string? Sha256);
