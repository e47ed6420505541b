using Marsad.Web;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5080");
var app = builder.Build();
app.MapHealth();
await app.RunAsync();
