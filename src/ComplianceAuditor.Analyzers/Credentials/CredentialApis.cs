using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ComplianceAuditor.Analyzers.Credentials;

/// <summary>
/// The platform APIs that take a credential as a positional argument. With the platform resolved, a parameter's name
/// would already say so; the table is what still finds them when nanoFramework, Meadow or MQTT assemblies are not
/// there (the CLI's view), and it names the finding the same way in both cases.
/// </summary>
internal static class CredentialApis
{
    private static readonly ImmutableArray<Api> Known = ImmutableArray.Create<Api>(
    [
        new("System.Net.NetworkCredential..ctor", 1, "password", "new NetworkCredential(...)"),
        new("WifiNetworkHelper.ConnectDhcp", 1, "Wi-Fi password", "WifiNetworkHelper.ConnectDhcp"),
        new("WifiNetworkHelper.ScanAndConnectDhcp", 1, "Wi-Fi password", "WifiNetworkHelper.ScanAndConnectDhcp"),
        new("WifiNetworkHelper.ConnectFixAddress", 1, "Wi-Fi password", "WifiNetworkHelper.ConnectFixAddress"),
        new("System.Device.Wifi.WifiAdapter.Connect", 2, "Wi-Fi password", "WifiAdapter.Connect"),
        new("Meadow.Hardware.IWiFiNetworkAdapter.Connect", 1, "Wi-Fi passphrase", "IWiFiNetworkAdapter.Connect"),
        new("MqttClient.Connect", 2, "MQTT password", "MqttClient.Connect", minArguments: 3),
        new("MqttClientOptionsBuilder.WithCredentials", 1, "MQTT password", "MqttClientOptionsBuilder.WithCredentials"),
        new("System.Net.Http.Headers.AuthenticationHeaderValue..ctor", 1, "HTTP credential", "new AuthenticationHeaderValue(...)", authorization: true),
    ]);

    // Members distinctive enough to recognise when not even the receiver's type name is known
    // (new MqttClientOptionsBuilder().WithTcpServer(host).WithCredentials(user, pass) with MQTTnet unresolved).
    private static readonly ImmutableArray<string> DistinctiveMembers = ImmutableArray.Create("ConnectDhcp", "ScanAndConnectDhcp", "ConnectFixAddress", "WithCredentials");

    private static readonly ImmutableHashSet<string> KnownMembers =
        Known.Select(a => a.Name.Member).Where(m => m != ".ctor").Concat(DistinctiveMembers).ToImmutableHashSet(StringComparer.Ordinal);

    private static readonly ImmutableHashSet<string> KnownConstructors =
        Known.Where(a => a.Name.Member == ".ctor").Select(a => a.Name.Type).ToImmutableHashSet(StringComparer.Ordinal);

    private static readonly ImmutableHashSet<string> KeyedSetters = ImmutableHashSet.Create(StringComparer.Ordinal,
    [
        "Add", "TryAdd", "TryAddWithoutValidation", "Set", "SetValue", "Append", "Put", "AddOrUpdate",
    ]);

    /// <summary>
    /// A cheap first look at a call, by names only: can any of its arguments be a credential (a known API or keyed
    /// setter by member name, a credential-named parameter, an argument named so in the source, a configured method)?
    /// Most calls are not, and for an unbound call the full <see cref="CallSite"/> costs semantic-model queries.
    /// </summary>
    public static bool MayTakeCredential(IOperation operation, CredentialVocabulary vocabulary, ImmutableArray<ApiName> methods)
    {
        switch (operation)
        {
            case IInvocationOperation { TargetMethod: var method } invocation:
                return IsCandidate(method.Name, null, methods)
                    || (KeyedSetters.Contains(method.Name) && invocation.Arguments.Length >= 2 && invocation.Arguments.Any(a => IsWrittenKey(a.Value)))
                    || HasCredentialParameter(method, vocabulary);
            case IObjectCreationOperation { Constructor: { } constructor }:
                return IsCandidate(".ctor", constructor.ContainingType.Name, methods) || HasCredentialParameter(constructor, vocabulary);
            case IInvalidOperation { Syntax: InvocationExpressionSyntax invocation }:
                var member = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    SimpleNameSyntax name => name.Identifier.ValueText,
                    _ => "",
                };
                return IsCandidate(member, null, methods) || HasCredentialNamedArgument(invocation.ArgumentList, vocabulary)
                    || (KeyedSetters.Contains(member) && invocation.ArgumentList.Arguments.Count >= 2
                        && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax or MemberAccessExpressionSyntax);
            case IInvalidOperation { Syntax: ObjectCreationExpressionSyntax creation }:
                var type = creation.Type switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    SimpleNameSyntax name => name.Identifier.ValueText,
                    _ => "",
                };
                return IsCandidate(".ctor", type, methods) || HasCredentialNamedArgument(creation.ArgumentList, vocabulary);
            default:
                return false;
        }
    }

    // A constant string or an enum member (HttpRequestHeader.Authorization): what the key of a keyed store looks like.
    private static bool IsWrittenKey(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value.ConstantValue is { HasValue: true, Value: string } || value is IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum };
    }

    // Loops rather than LINQ: this runs for every call in the compilation.
    private static bool HasCredentialParameter(IMethodSymbol method, CredentialVocabulary vocabulary)
    {
        foreach (var parameter in method.Parameters)
        {
            if (vocabulary.Match(parameter.Name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCandidate(string member, string? constructedType, ImmutableArray<ApiName> methods) =>
        (constructedType is null ? KnownMembers.Contains(member) : KnownConstructors.Contains(constructedType))
        || (!methods.IsEmpty && methods.Any(m => m.Member.EndsWith("*", StringComparison.Ordinal)
            ? member.StartsWith(m.Member.Substring(0, m.Member.Length - 1), StringComparison.Ordinal)
            : m.Member == member));

    private static bool HasCredentialNamedArgument(ArgumentListSyntax? arguments, CredentialVocabulary vocabulary) =>
        arguments?.Arguments.Any(a => a.NameColon is { } name && vocabulary.Match(name.Name.Identifier.ValueText) is not null) == true;

    /// <summary>The known API <paramref name="site"/> calls, with the index of its credential argument.</summary>
    public static Api? Find(CallSite site)
    {
        foreach (var api in Known)
        {
            if (api.Name.Matches(site) && site.Arguments.Length >= api.MinArguments)
            {
                return api;
            }
        }

        return site.Method is null ? FindUnbound(site) : null;
    }

    /// <summary>Methods that store a value under a key (headers, dictionaries, preferences): <c>Add("Authorization", v)</c>.</summary>
    public static bool IsKeyedSetter(string member) => KeyedSetters.Contains(member);

    /// <summary>Whether a key can name a setting: a file path ("/etc/passwd") or a sentence is some other kind of key.</summary>
    public static bool IsSettingKey(string key) => key.Length > 0 && !key.Any(c => c is '/' or '\\' || char.IsWhiteSpace(c));

    /// <summary>Whether a header or key name is the Authorization header.</summary>
    public static bool IsAuthorizationHeader(string name) =>
        string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "ProxyAuthorization", StringComparison.Ordinal);

    private static Api? FindUnbound(CallSite site)
    {
        if (DistinctiveMembers.Contains(site.Member, StringComparer.Ordinal))
        {
            return Known.First(a => a.Name.Member == site.Member);
        }

        // A Wi-Fi adapter whose type did not resolve (var wifi = Device.NetworkAdapters.Primary<IWiFiNetworkAdapter>()):
        // nanoFramework's Connect takes a reconnection kind second, Meadow's the passphrase.
        if (site.Member == "Connect" && site.Arguments.Length >= 2)
        {
            var second = site.Arguments[1].Syntax.ToString();
            if (second.IndexOf("ReconnectionKind", StringComparison.Ordinal) >= 0 && site.Arguments.Length >= 3)
            {
                return Known.First(a => a.Display == "WifiAdapter.Connect");
            }

            if (site.Type.IndexOf("wifi", StringComparison.OrdinalIgnoreCase) >= 0 || site.Type.IndexOf("wlan", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return Known.First(a => a.Display == "IWiFiNetworkAdapter.Connect");
            }
        }

        return null;
    }

    /// <summary>How a call is named in a message: <c>Type.Method</c>, or <c>new Type(...)</c>.</summary>
    public static string Describe(CallSite site) =>
        site.Member == ".ctor" ? "new " + site.Type + "(...)" : site.Type.Length == 0 ? site.Member : site.Type + "." + site.Member;

    internal sealed class Api
    {
        public Api(string name, int index, string what, string display, int minArguments = 0, bool authorization = false)
        {
            Name = ApiName.TryParse(name, out var parsed) ? parsed : throw new ArgumentException("not an API name: " + name, nameof(name));
            Index = index;
            What = what;
            Display = display;
            MinArguments = minArguments;
            Authorization = authorization;
        }

        public ApiName Name { get; }

        /// <summary>The position of the credential among the parameters.</summary>
        public int Index { get; }

        public string What { get; }

        public string Display { get; }

        public int MinArguments { get; }

        /// <summary>The argument is an Authorization header's parameter: its scheme and user name are not secret.</summary>
        public bool Authorization { get; }
    }
}
