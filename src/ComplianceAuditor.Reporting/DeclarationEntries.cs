using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Scoring;

namespace ComplianceAuditor.Reporting;

/// <summary>The declaration as the report states it: file, product, facts and the facts the evidence contradicts.</summary>
internal static class DeclarationEntries
{
    public static DeclarationEntry? ToEntry(Declaration declaration, IReadOnlyList<FactConflict> conflicts) => declaration.IsNone
        ? null
        : new DeclarationEntry
        {
            Source = declaration.Source,
            Sha256 = declaration.Sha256,
            Manufacturer = declaration.Product.Manufacturer,
            Model = declaration.Product.Model,
            FirmwareVersion = declaration.Product.FirmwareVersion,
            DeclaredBy = declaration.Product.DeclaredBy,
            Date = declaration.Product.Date,
            Facts = declaration.Facts.Select(f => new FactEntry(f.Fact, f.Value)).ToArray(),
            Answers = declaration.Answers.Count,
            Conflicts = conflicts.Select(c => new ConflictEntry(c.Fact, c.Declared, c.Description, c.Results)).ToArray(),
        };
}
