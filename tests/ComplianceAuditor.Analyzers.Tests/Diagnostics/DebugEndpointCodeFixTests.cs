using ComplianceAuditor.Analyzers.CodeFixes.Diagnostics;
using ComplianceAuditor.Analyzers.Diagnostics;
using ComplianceAuditor.Analyzers.Tests.Verification;

namespace ComplianceAuditor.Analyzers.Tests.Diagnostics;

// The harness compiles without the DEBUG symbol, as a release build does: the wrapped statement is inactive there.
public sealed class DebugEndpointCodeFixTests
{
    private static readonly string WebStubs = Stubs.Get("Diagnostics");

    [Fact]
    public Task A_statement_of_its_own_is_wrapped_in_if_debug() =>
        Verify<DebugEndpointAnalyzer, DebugEndpointCodeFix>.FixAsync("""
            using Microsoft.AspNetCore.Builder;

            class Startup
            {
                void Configure(WebApplication app)
                {
                    // Details of failures for whoever debugs the device.
                    {|CMP4009:app.UseDeveloperExceptionPage()|};
                    app.UseExceptionHandler("/error");
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;

            class Startup
            {
                void Configure(WebApplication app)
                {
                    // Details of failures for whoever debugs the device.
            #if DEBUG
                    app.UseDeveloperExceptionPage();
            #endif
                    app.UseExceptionHandler("/error");
                }
            }
            """, WebStubs);

    [Fact]
    public Task A_trailing_comment_moves_with_the_statement() =>
        Verify<DebugEndpointAnalyzer, DebugEndpointCodeFix>.FixAsync("""
            using System.Diagnostics;

            class Device
            {
                void Start()
                {
                    {|CMP4009:Debugger.Launch()|}; // attach on boot
                }
            }
            """, """
            using System.Diagnostics;

            class Device
            {
                void Start()
                {
            #if DEBUG
                    Debugger.Launch(); // attach on boot
            #endif
                }
            }
            """);

    [Fact]
    public Task No_fix_where_wrapping_would_change_the_code() =>
        Verify<DebugEndpointAnalyzer, DebugEndpointCodeFix>.FixAsync(Source, Source);

    private const string Source = """
        using System.Diagnostics;
        using System.Net;
        using System.Net.Sockets;

        class Device
        {
            TcpListener Start(bool verbose)
            {
                if (verbose)
                    {|CMP4009:Debugger.Break()|};
                {|CMP4009:Debugger.Launch()|}; Debug.WriteLine("started");
                var listener = {|CMP4009:new TcpListener(IPAddress.Any, 23)|};
                return listener;
            }
        }
        """;
}
