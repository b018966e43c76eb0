using ComplianceAuditor.Analyzers.Diagnostics;
using ComplianceAuditor.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Diagnostics;

public sealed class DebugEndpointAnalyzerTests
{
    private const string WebUsings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        """;

    private static readonly string WebStubs = Stubs.Get("Diagnostics");

    private static DiagnosticResult Expected(int location, string enabled) =>
        new DiagnosticResult(DiagnosticIds.DebugEndpointInRelease, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(enabled);

    [Fact]
    public Task Unguarded_developer_pages_and_api_explorers_are_reported() =>
        Verify<DebugEndpointAnalyzer>.DiagnosticsAsync(WebUsings + """
            class Startup
            {
                void Configure(WebApplication app)
                {
                    {|#0:app.UseDeveloperExceptionPage()|};
                    {|#1:app.UseSwagger()|};
                    {|#2:app.UseSwaggerUI()|};
                    {|#3:app.MapOpenApi()|};
                }
            }
            """, [WebStubs], null,
            Expected(0, "the developer exception page"),
            Expected(1, "the Swagger document endpoint"),
            Expected(2, "the Swagger UI"),
            Expected(3, "the OpenAPI document endpoint"));

    [Fact]
    public Task Development_environment_checks_guard_the_call() =>
        Verify<DebugEndpointAnalyzer>.DiagnosticsAsync(WebUsings + """
            class Startup
            {
                void Configure(WebApplication app)
                {
                    if (app.Environment.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    if (!app.Environment.IsDevelopment())
                    {
                        app.UseExceptionHandler("/error");
                    }
                    else
                    {
                        app.UseSwagger();
                    }

                    if (app.Environment.IsEnvironment("Development") && app.Environment.EnvironmentName != "")
                        app.UseSwaggerUI();

                    var openApi = app.Environment.EnvironmentName == Environments.Development ? app.MapOpenApi() : null;
                }

                void Late(WebApplication app)
                {
                    if (!app.Environment.IsDevelopment())
                    {
                        return;
                    }

                    app.UseSwagger();
                }

                void Flag(WebApplication app)
                {
                    var isDevelopment = app.Environment.IsDevelopment();
                    if (isDevelopment)
                    {
                        app.UseSwaggerUI();
                    }
                }

                void Either(WebApplication app, bool verbose)
                {
                    if (app.Environment.IsDevelopment() || verbose)
                    {
                        {|#0:app.UseDeveloperExceptionPage()|};
                    }
                }
            }
            """, [WebStubs], null,
            Expected(0, "the developer exception page"));

    [Fact]
    public Task Debug_only_regions_methods_and_an_attached_debugger_guard_the_call() =>
        Verify<DebugEndpointAnalyzer>.DiagnosticsAsync("""
            #define DEBUG
            using System.Diagnostics;
            using Microsoft.AspNetCore.Builder;

            class Device
            {
                void Start(WebApplication app)
                {
            #if DEBUG
                    app.UseDeveloperExceptionPage();
                    Debugger.Launch();
            #endif
            #if !DEBUG
                    app.UseExceptionHandler("/error");
            #else
                    app.UseSwagger();
            #endif
                    if (Debugger.IsAttached)
                    {
                        Debugger.Break();
                    }
                }

                [Conditional("DEBUG")]
                void Trace() => Debugger.Break();
            }
            """, WebStubs);

    [Fact]
    public Task Debugger_calls_diagnostic_port_variables_and_debug_servers_are_reported() =>
        Verify<DebugEndpointAnalyzer>.DiagnosticsAsync("""
            using System;
            using System.Diagnostics;

            class Device
            {
                void Start()
                {
                    {|#0:Debugger.Launch()|};
                    {|#1:Debugger.Break()|};
                    {|#2:Environment.SetEnvironmentVariable("DOTNET_EnableDiagnostics", "1")|};
                    {|#3:Environment.SetEnvironmentVariable("COMPlus_EnableDiagnostics", "1")|};
                    {|#4:Environment.SetEnvironmentVariable("DOTNET_DiagnosticPorts", "/tmp/diag.sock,nosuspend")|};
                    Environment.SetEnvironmentVariable("DOTNET_EnableDiagnostics", "0");
                    Environment.SetEnvironmentVariable("DOTNET_gcServer", "1");

                    {|#5:Process.Start("gdbserver", ":2345 /opt/app/device")|};
                    {|#6:Process.Start("/usr/sbin/telnetd", "-l /bin/sh")|};
                    {|#7:Process.Start("busybox", "telnetd -p 2323 -l /bin/sh")|};
                    {|#8:Process.Start("/bin/sh", "-c \"vsdbg --interpreter=vscode\"")|};
                    var ssh = {|#9:new ProcessStartInfo("dropbear", "-R -B -p 22")|};
                    var gdb = {|#10:new ProcessStartInfo { FileName = "/usr/bin/gdbserver", Arguments = "--multi :2345" }|};
                    {|#11:ssh.Environment["DOTNET_EnableDiagnostics"] = "1"|};
                    Process.Start(ssh);
                    Process.Start(gdb);

                    Process.Start("dropbear", "-R -p 22");
                    Process.Start("logger", "telnetd is not started");
                    Process.Start("ls", new[] { "-l", "/opt/gdbserver" });
                }
            }
            """, [], null,
            Expected(0, "a just-in-time debugger (Debugger.Launch)"),
            Expected(1, "a debugger break (Debugger.Break)"),
            Expected(2, "the .NET runtime's diagnostic and debugger interfaces (DOTNET_EnableDiagnostics)"),
            Expected(3, "the .NET runtime's diagnostic and debugger interfaces (COMPlus_EnableDiagnostics)"),
            Expected(4, "a .NET diagnostic port (DOTNET_DiagnosticPorts)"),
            Expected(5, "a gdbserver remote debugging stub"),
            Expected(6, "a telnet login service"),
            Expected(7, "a telnet login service"),
            Expected(8, "the vsdbg remote debugger"),
            Expected(9, "SSH logins with an empty password (dropbear -B)"),
            Expected(10, "a gdbserver remote debugging stub"),
            Expected(11, "the .NET runtime's diagnostic and debugger interfaces (DOTNET_EnableDiagnostics)"));

    [Fact]
    public Task Listeners_on_the_telnet_port_are_reported_unless_on_loopback() =>
        Verify<DebugEndpointAnalyzer>.DiagnosticsAsync("""
            using System.Net;
            using System.Net.Sockets;

            class Device
            {
                void Listen(Socket socket)
                {
                    var any = {|#0:new TcpListener(IPAddress.Any, 23)|};
                    var created = {|#1:TcpListener.Create(23)|};
                    {|#2:socket.Bind(new IPEndPoint(IPAddress.IPv6Any, 23))|};
                    var endPoint = new IPEndPoint(IPAddress.Any, 23);
                    {|#3:socket.Bind(endPoint)|};

                    var local = new TcpListener(IPAddress.Loopback, 23);
                    var parsed = new TcpListener(IPAddress.Parse("127.0.0.1"), 23);
                    var web = new TcpListener(IPAddress.Any, 8080);
                }
            }
            """, [], null,
            Expected(0, "a telnet listener on port 23"),
            Expected(1, "a telnet listener on port 23"),
            Expected(2, "a telnet listener on port 23"),
            Expected(3, "a telnet listener on port 23"));

    [Fact]
    public Task Nanoframework_garbage_collector_messages_switched_on_are_reported() =>
        Verify<DebugEndpointAnalyzer>.DiagnosticsAsync("""
            class Device
            {
                void Start()
                {
                    {|#0:nanoFramework.Runtime.Native.GC.EnableGCMessages(true)|};
                    nanoFramework.Runtime.Native.GC.EnableGCMessages(false);
                }
            }
            """, [WebStubs], null,
            Expected(0, "the nanoFramework garbage collector's diagnostic messages"));

    [Fact]
    public Task Without_aspnetcore_or_the_platform_the_calls_are_found_by_name_and_guards_still_count() =>
        Verify<DebugEndpointAnalyzer>.UnresolvedDiagnosticsAsync("""
            using nanoFramework.Runtime.Native;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {|CMP4009:app.UseDeveloperExceptionPage()|};
            {|CMP4009:app.UseDatabaseErrorPage()|};
            {|CMP4009:app.UseMigrationsEndPoint()|};
            {|CMP4009:app.UseBrowserLink()|};
            {|CMP4009:app.MapSwagger()|};
            {|CMP4009:app.MapGrpcReflectionService()|};
            {|CMP4009:GC.EnableGCMessages(true)|};
            if (app.Environment.IsDevelopment())
            {
                app.UseSwagger();
                app.UseSwaggerUI();
            }

            if (!app.Environment.IsDevelopment())
            {
                return;
            }

            app.MapOpenApi();
            app.Run();
            """);
}
