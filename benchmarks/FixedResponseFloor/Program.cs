// The floor of the stand-in's throughput benchmark (benchmarks/StandInThroughput): the same host, a POST at `/`
// answering a fixed body read once from a file, with no signature check, no JSON reading and no library.
//   dotnet FixedResponseFloor.dll --urls http://127.0.0.1:PORT --body FILE
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var body = await File.ReadAllBytesAsync(builder.Configuration["body"] ?? throw new ArgumentException("--body FILE is required"));
var app = builder.Build();
app.MapPost("/", async (HttpContext context) =>
{
    await context.Request.Body.CopyToAsync(Stream.Null);
    context.Response.ContentType = "application/json; charset=utf-8";
    await context.Response.Body.WriteAsync(body);
});
await app.RunAsync();
