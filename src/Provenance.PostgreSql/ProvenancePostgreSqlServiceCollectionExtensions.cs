using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Provenance.PostgreSql;

namespace Provenance;

/// <summary>Registers the PostgreSQL store with a dependency-injection container.</summary>
public static class ProvenancePostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ProvenancePostgreSqlOptions"/> (validated when first used, and at start-up under a host) and, as
    /// singletons, a <see cref="PostgreSqlProvenanceStore"/> built from them and served as <see cref="IProvenanceStore"/>.
    /// The store creates or migrates its schema on first use. Every registration is a <c>TryAdd</c>, so a second call adds
    /// nothing but its <paramref name="configure"/> delegate.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least <see cref="ProvenancePostgreSqlOptions.ConnectionString"/>); <see langword="null"/> to configure them elsewhere.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddProvenancePostgreSql(this IServiceCollection services, Action<ProvenancePostgreSqlOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ProvenancePostgreSqlOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<ProvenancePostgreSqlOptions>) && d.ImplementationType == typeof(ProvenancePostgreSqlOptionsValidator)))
        {
            services.AddSingleton<IValidateOptions<ProvenancePostgreSqlOptions>, ProvenancePostgreSqlOptionsValidator>();
            options.ValidateOnStart();
        }

        services.TryAddSingleton(sp => new PostgreSqlProvenanceStore(sp.GetRequiredService<IOptions<ProvenancePostgreSqlOptions>>().Value));
        services.TryAddSingleton<IProvenanceStore>(sp => sp.GetRequiredService<PostgreSqlProvenanceStore>());
        return services;
    }
}

/// <summary>Checks <see cref="ProvenancePostgreSqlOptions"/> for the options pattern; the failure message never holds a password.</summary>
internal sealed class ProvenancePostgreSqlOptionsValidator : IValidateOptions<ProvenancePostgreSqlOptions>
{
    public ValidateOptionsResult Validate(string? name, ProvenancePostgreSqlOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
