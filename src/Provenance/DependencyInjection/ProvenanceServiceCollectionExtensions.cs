using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Provenance.DependencyInjection;
using Provenance.Graphviz;

namespace Provenance;

/// <summary>Registers Provenance with a dependency-injection container.</summary>
public static class ProvenanceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ProvenanceOptions"/> (validated when first used, and at start-up under a host) and the
    /// Provenance services as singletons: <see cref="IProvenanceGraphProvider"/> (the graph of
    /// <see cref="ProvenanceOptions.GraphPath"/>, loaded once, on first use) and the <see cref="CitationGraph"/> it gives,
    /// <see cref="ProvenanceQueries"/>, <see cref="ProvenanceExports"/> and a <see cref="GraphvizRenderer"/> running
    /// <see cref="ProvenanceOptions.DotPath"/>. Every registration is a <c>TryAdd</c>, so a second call adds nothing but its
    /// <paramref name="configure"/> delegate, which runs after the first call's.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see langword="null"/> to keep the defaults (or configure them elsewhere).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddProvenance(this IServiceCollection services, Action<ProvenanceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<ProvenanceOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // ValidateOnStart adds a configuration delegate on each call, so only the first call makes it.
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<ProvenanceOptions>) && d.ImplementationType == typeof(ProvenanceOptionsValidator)))
        {
            services.AddSingleton<IValidateOptions<ProvenanceOptions>, ProvenanceOptionsValidator>();
            options.ValidateOnStart();
        }

        services.TryAddSingleton<IProvenanceGraphProvider, ProvenanceGraphProvider>();
        services.TryAddSingleton<ProvenanceQueries>();
        services.TryAddSingleton(sp => new GraphvizRenderer(new GraphvizRendererOptions
        {
            DotPath = sp.GetRequiredService<IOptions<ProvenanceOptions>>().Value.DotPath,
        }));
        services.TryAddSingleton<ProvenanceExports>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IProvenanceGraphProvider>().Graph);
        return services;
    }
}
