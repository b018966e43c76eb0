// API shapes for the debug-endpoint rule: ASP.NET Core hosting and middleware (not among the test references) and
// nanoFramework.Runtime.Native's garbage-collector messages. Only signatures; no behaviour.
namespace Microsoft.Extensions.Hosting
{
    public interface IHostEnvironment
    {
        string EnvironmentName { get; }
    }

    public static class Environments
    {
        public const string Development = "Development";

        public const string Production = "Production";
    }

    public static class HostEnvironmentEnvExtensions
    {
        public static bool IsDevelopment(this IHostEnvironment environment) => false;

        public static bool IsEnvironment(this IHostEnvironment environment, string environmentName) => false;
    }
}

namespace Microsoft.AspNetCore.Hosting
{
    public interface IWebHostEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
    }
}

namespace Microsoft.AspNetCore.Routing
{
    public interface IEndpointRouteBuilder
    {
    }
}

namespace Microsoft.AspNetCore.Builder
{
    using Microsoft.AspNetCore.Hosting;
    using Microsoft.AspNetCore.Routing;

    public interface IApplicationBuilder
    {
    }

    public sealed class WebApplication : IApplicationBuilder, IEndpointRouteBuilder
    {
        public IWebHostEnvironment Environment { get; } = null!;
    }

    public static class DeveloperExceptionPageExtensions
    {
        public static IApplicationBuilder UseDeveloperExceptionPage(this IApplicationBuilder app) => app;
    }

    public static class ExceptionHandlerExtensions
    {
        public static IApplicationBuilder UseExceptionHandler(this IApplicationBuilder app, string errorHandlingPath) => app;
    }

    public static class SwaggerBuilderExtensions
    {
        public static IApplicationBuilder UseSwagger(this IApplicationBuilder app) => app;
    }

    public static class SwaggerUIBuilderExtensions
    {
        public static IApplicationBuilder UseSwaggerUI(this IApplicationBuilder app) => app;
    }

    public static class OpenApiEndpointRouteBuilderExtensions
    {
        public static IEndpointRouteBuilder MapOpenApi(this IEndpointRouteBuilder endpoints, string pattern = "/openapi/{documentName}.json") => endpoints;
    }
}

namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) => 0;

        public static void EnableGCMessages(bool enable) { }
    }
}
