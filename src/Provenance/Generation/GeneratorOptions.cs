namespace Provenance.Generation;

/// <summary>How <see cref="NewsGraphGenerator"/> shapes a generated graph. Checked once by <see cref="Validate"/>.</summary>
public sealed class GeneratorOptions
{
    /// <summary>The exact number of citations the generated graph holds.</summary>
    /// <value>Default: 1,000. At least 1 and at most 20,000,000.</value>
    public int Citations { get; set; } = 1_000;

    /// <summary>The seed of the generator's random numbers: the same options give the same graph.</summary>
    /// <value>Default: 1.</value>
    public int Seed { get; set; } = 1;

    /// <summary>The share of outlets' assertions that name no source at all.</summary>
    /// <value>Default: 0.10. Between 0 and 0.9.</value>
    public double UnattributedRate { get; set; } = 0.10;

    /// <summary>The share of stories in which two or three undated articles cite each other in a circle.</summary>
    /// <value>Default: 0.01. Between 0 and 0.5.</value>
    public double CycleRate { get; set; } = 0.01;

    /// <summary>The longest chain of hops written inside one report ("X, citing Y, citing Z").</summary>
    /// <value>Default: 6. Between 1 and 32.</value>
    public int MaxChainLength { get; set; } = 6;

    /// <summary>Whether citations carry evidence excerpts and assertions carry wordings.</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool IncludeText { get; set; } = true;

    /// <summary>Checks every option against its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Citations, 1, nameof(Citations));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Citations, 20_000_000, nameof(Citations));
        if (!(UnattributedRate is >= 0 and <= 0.9))
        {
            throw new ArgumentOutOfRangeException(nameof(UnattributedRate), UnattributedRate, "Must be between 0 and 0.9.");
        }

        if (!(CycleRate is >= 0 and <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(CycleRate), CycleRate, "Must be between 0 and 0.5.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChainLength, 1, nameof(MaxChainLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxChainLength, 32, nameof(MaxChainLength));
    }
}
