namespace Marsad.Tests.Support;

// The sites are shared with the bench (tests/Shared/LeakWalk); here they are xUnit fixtures as well.
public sealed partial class DemoSite : IAsyncLifetime
{
}

public sealed partial class LeakSite : IAsyncLifetime
{
}

/// <summary>One demo site for every test class in the collection: building it runs the demo once.</summary>
[CollectionDefinition(Name)]
public sealed class DemoSiteCollection : ICollectionFixture<DemoSite>
{
    public const string Name = "demo site";
}

[CollectionDefinition(Name)]
public sealed class LeakSiteCollection : ICollectionFixture<LeakSite>
{
    public const string Name = "leak site";
}
