using Microsoft.CodeAnalysis;

namespace ComplianceAuditor.Analyzers.Infrastructure;

/// <summary>
/// A method (or constructor, as <c>.ctor</c>) named the way the defaults and the .editorconfig options name them:
/// <c>Namespace.Type.Member</c>, or <c>Type.Member</c> to match the type in any namespace. A trailing <c>*</c> on the
/// member matches a prefix (<c>Crypto.Verify*</c>). Device platforms are often not resolvable where the code is
/// analysed (the CLI has no nanoFramework assemblies), so a call whose type did not resolve matches on the names as
/// written.
/// </summary>
public sealed class ApiName
{
    public ApiName(string? @namespace, string type, string member)
    {
        Namespace = @namespace;
        Type = type;
        Member = member;
    }

    /// <summary>Null when any namespace will do.</summary>
    public string? Namespace { get; }

    public string Type { get; }

    /// <summary>The member name, <c>.ctor</c> for constructors; may end in <c>*</c>.</summary>
    public string Member { get; }

    /// <summary>Reads <c>A.B.Type.Member</c>; false when the text is not such a name.</summary>
    public static bool TryParse(string text, out ApiName name)
    {
        name = null!;
        var trimmed = (text ?? "").Trim();
        var member = trimmed.EndsWith("..ctor", StringComparison.Ordinal) ? ".ctor" : null;
        var typePart = member is null ? trimmed : trimmed.Substring(0, trimmed.Length - ".ctor".Length - 1);
        if (member is null)
        {
            var dot = trimmed.LastIndexOf('.');
            if (dot <= 0)
            {
                return false;
            }

            member = trimmed.Substring(dot + 1);
            typePart = trimmed.Substring(0, dot);
            var star = member.EndsWith("*", StringComparison.Ordinal) ? member.Substring(0, member.Length - 1) : member;
            if (!IsIdentifier(star, allowEmpty: member.Length > star.Length))
            {
                return false;
            }
        }

        var parts = typePart.Split('.');
        if (parts.Any(p => !IsIdentifier(p, allowEmpty: false)))
        {
            return false;
        }

        var ns = parts.Length > 1 ? string.Join(".", parts, 0, parts.Length - 1) : null;
        name = new ApiName(ns, parts[parts.Length - 1], member);
        return true;
    }

    /// <summary>Does <paramref name="site"/> call this member?</summary>
    public bool Matches(CallSite site)
    {
        if (!MemberMatches(site.Member))
        {
            return false;
        }

        if (site.Method is { } method)
        {
            // A call through a derived type, or of an override, still reaches the member a name designates.
            for (var m = method; m is not null; m = m.OverriddenMethod)
            {
                if (MatchesType(m.ContainingType))
                {
                    return true;
                }
            }

            return site.ReceiverType is { } receiver && MatchesType(receiver);
        }

        return string.Equals(site.Type, Type, StringComparison.Ordinal)
            && (Namespace is null || site.Namespace is null || string.Equals(site.Namespace, Namespace, StringComparison.Ordinal));
    }

    public override string ToString() => Namespace is null ? Type + "." + Member : Namespace + "." + Type + "." + Member;

    private bool MemberMatches(string member) =>
        Member.EndsWith("*", StringComparison.Ordinal)
            ? member.StartsWith(Member.Substring(0, Member.Length - 1), StringComparison.Ordinal)
            : string.Equals(member, Member, StringComparison.Ordinal);

    /// <summary>Is <paramref name="type"/>, or a type it derives from, the type this name designates?</summary>
    public bool MatchesType(ITypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (string.Equals(t.Name, Type, StringComparison.Ordinal)
                && (Namespace is null || t is IErrorTypeSymbol || string.Equals(NamespaceOf(t), Namespace, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    internal static string? NamespaceOf(ITypeSymbol type) =>
        type is IErrorTypeSymbol || type.ContainingNamespace is null || type.ContainingNamespace.IsGlobalNamespace
            ? null
            : type.ContainingNamespace.ToDisplayString();

    private static bool IsIdentifier(string text, bool allowEmpty)
    {
        if (text.Length == 0)
        {
            return allowEmpty;
        }

        if (!(char.IsLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        return text.All(c => char.IsLetterOrDigit(c) || c == '_');
    }
}
