namespace Marsad.Cli.Output;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread, in order. Progress&lt;T&gt; posts
/// to the thread pool, which would print failures out of order and after the summary.
/// </summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
