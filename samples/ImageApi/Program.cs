using ImageRules.Application;
using ImageRules.Hosting;
using ImageRules.Samples;
using ImageRules.Samples.ImageApi;

// An HTTP API shaped like the provider's, over the library: `dotnet run --project samples/ImageApi`, then for example
//   curl -s localhost:5000 -H 'X-TC-Action: DescribeImages' -H 'X-TC-Region: ap-guangzhou' \
//        -H 'X-Account-Id: 1038493875' -d '{"Filters": [{"Name": "image-type", "Values": ["PUBLIC_IMAGE"]}]}'
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddImageRules();
builder.Services.AddSingleton<ImageApiEndpoint>();

var app = builder.Build();
await DemoWorld.SeedAsync(app.Services.GetRequiredService<ImageService>());
app.MapPost("/", (HttpRequest request, ImageApiEndpoint api, CancellationToken cancellationToken) => api.HandleAsync(request, cancellationToken));
await app.RunAsync();
