using System.Text;
using CsvHelper;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Exchange;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Exchange.Import;
using Marsad.Core.Storage;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Exchange;

/// <summary>
/// Dataset files written for these tests (fictional rows in ACLED's and UCDP's column layouts, no real rows), and
/// helpers to import and export them.
/// </summary>
internal static class ExchangeFiles
{
    public const string AcledHeader = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    /// <summary>Three fictional rows: a text date with numeric inter codes, an ISO date with text ones, a point-less quoted list.</summary>
    public static readonly string[] AcledRows =
    [
        "TST1001,04 March 2021,2021,1,Political violence,Battles,Armed clash,Military Forces of Syria (2000-),,1,Unidentified Armed Group (Syria),,3,13,,760,Middle East,Syria,Hama,Hama,Hama,Kafr Test,35.1234,36.7000,1,Field Network; Local Monitor,Local partner-Other,\"On 4 March 2021, a test clash happened near Kafr Test, with a comma. 2 fatalities.\",2,,1615000000",
        "TST1002,2021-03-05,2021,2,Political violence,Violence against civilians,Attack,Unidentified Armed Group (Syria),,Political militia,Civilians (Syria),\"Farmers (Syria); Women (Syria)\",Civilians,Political militia-Civilians,Civilian targeting,760,Middle East,Syria,Idleb,Ariha,Ariha,Test Orchard,35.8,36.61,2,Local Monitor,Subnational,\"Gunmen shot at a farmer in a test orchard.\nCasualties: one.\",1,crowd size=no report,1615100000",
        "TST1003,2021-03-06,2021,3,Strategic developments,Strategic developments,Arrests,Police Forces of Syria (2000-),,1,,,0,10,,760,Middle East,Syria,Damascus,Damascus,Damascus,Damascus,33.5138,36.2765,3,Local Monitor,National,=SUM(1) people were arrested by police in a test sweep.,0,,1615200000",
    ];

    public const string UcdpHeader = "id,year,active_year,type_of_violence,conflict_new_id,conflict_name,dyad_new_id,dyad_name,side_a_new_id,side_a,side_b_new_id,gwnob,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,low,best,high";

    /// <summary>Two fictional GED rows; the second gives its deaths out of order (low 5 above best 3).</summary>
    public static readonly string[] UcdpRows =
    [
        "900001,2017,1,1,299,Syria: Government,11973,Government of Syria - Test insurgents,118,Government of Syria,4456,,Test insurgents,1,\"\"\"Monitor,2017-02-01,Shells hit a test village\"\"\",Monitor,2017-02-01,Shells hit a test village,Monitor,1,Test village,Homs Governorate,Ar Rastan district,34.8,36.7,POINT (36.7 34.8),179714,Syria,652,Middle East,1,1,2017-02-01,2017-02-01,1,1,0,0,2,2,2",
        "900002,2017,1,3,400,Test group - civilians,500,Test group - civilians,600,Test group,1,,Civilians,2,,Monitor;Network,2017-02-03,Attack on a test market,Monitor,6,Test governorate,Homs Governorate,,34.9,36.8,POINT (36.8 34.9),179715,Syria,652,Middle East,2,4,2017-02-01,2017-02-28,0,0,4,0,5,3,4",
    ];

    public static Stream Csv(string header, IEnumerable<string> rows, string newline = "\n", bool bom = false) =>
        new MemoryStream([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(string.Join(newline, [header, .. rows]) + newline)]);

    public static Task<ImportSummary> ImportAsync(IMarsadStore store, IDatasetFormat format, Stream file, bool sync = false, EventStatus status = EventStatus.Extracted) =>
        new ImportDataset(store).RunAsync(file, format, new DatasetImportOptions(status, sync, "tester"));

    /// <summary>An export as the CLI and the API write it: from the stored JSON.</summary>
    public static async Task<string> ExportAsync(IMarsadStore store, EventExportFormat format, Role role = Role.Editor)
    {
        using var output = new StringWriter();
        await EventExporter.WriteAsync(output, store.Events.StreamJsonAsync(new EventQuery(), role), format);
        return output.ToString();
    }

    /// <summary>An export from events read into the model (what a caller holding <see cref="EventListItem"/>s writes).</summary>
    public static async Task<string> ExportModelAsync(IMarsadStore store, EventExportFormat format, Role role = Role.Editor)
    {
        using var output = new StringWriter();
        await EventExporter.WriteAsync(output, store.Events.StreamAsync(new EventQuery(), role), format);
        return output.ToString();
    }

    /// <summary>A CSV's rows as column → value, keyed by a column.</summary>
    public static Dictionary<string, Dictionary<string, string>> Rows(string csv, string key, int skip = 0)
    {
        using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(csv)), CsvReaderOptions.Default, false);
        var header = reader.Headers.ToArray();
        var rows = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (skip-- > 0)
            {
                continue;
            }

            var row = header.Select((h, i) => (h, v: i < reader.FieldCount ? reader.GetString(i) : "")).ToDictionary(p => p.h, p => p.v, StringComparer.Ordinal);
            rows[row[key]] = row;
        }

        return rows;
    }
}
