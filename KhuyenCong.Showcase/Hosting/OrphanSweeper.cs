using KhuyenCong.Showcase.Media;

namespace KhuyenCong.Showcase.Hosting;

/// <summary>Removes uploads that no saved record owns (an abandoned form, a crash between upload and save).</summary>
public sealed class OrphanSweeper(MediaService media, ILogger<OrphanSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await media.SweepOrphansAsync(MediaService.OrphanAge, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Orphan sweep failed; it runs again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
