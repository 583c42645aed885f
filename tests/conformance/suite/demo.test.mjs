// Without --world the stand-in runs the demo world with the README's documented keys: SecretId `AKIDdemo{id}`,
// SecretKey `demo-secret-{id}`, the Seed profile, and the README's Node.js snippet works as written.
import { test } from "node:test";
import assert from "node:assert/strict";
import tencentcloud from "tencentcloud-sdk-nodejs-cvm";
import { instanceId, refused, useStandIn, waitForState } from "./harness.mjs";

const standIn = useStandIn({ worldFile: null });
const demo = (id, region = "ap-guangzhou") => new tencentcloud.cvm.v20170312.Client({
  credential: { secretId: `AKIDdemo${id}`, secretKey: `demo-secret-${id}` },
  region,
  profile: { httpProfile: { endpoint: standIn().endpoint, protocol: "http://" } },
});

test("the README's snippet: public images with the demo key of 1038493875", async () => {
  const client = demo("1038493875");
  const { ImageSet } = await client.DescribeImages({ Filters: [{ Name: "image-type", Values: ["PUBLIC_IMAGE"] }] });
  assert.ok(ImageSet.length > 0);
  assert.equal((await client.DescribeImageQuota({})).ImageNumQuota, 10, "the Seed profile");
});

test("the demo accounts are as documented: three roots of Guangzhou, a collaborator, a root of Singapore", async () => {
  for (const id of ["1038493875", "2000000001", "2000000002", "3000000001"]) {
    assert.ok((await demo(id).DescribeRegions({})).TotalCount > 0, id);
  }
  assert.ok((await demo("4000000001", "ap-singapore").DescribeImageQuota({})).ImageNumQuota > 0);
  const owner = demo("1038493875");
  const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "demo" });
  await waitForState(owner, ImageId);
  const share = (account) => owner.ModifyImageSharePermission({ ImageId, AccountIds: [account], Permission: "SHARE" });
  await refused(share("3000000001"), "FailedOperation.NotMasterAccount");
  await refused(share("4000000001"), "UnsupportedOperation.Region");
  await share("2000000001");
  await share("2000000002");
  assert.equal((await demo("2000000002").DescribeImages({ ImageIds: [ImageId] })).ImageSet[0].ImageType, "SHARED_IMAGE");
  await refused(demo("9999999999").DescribeRegions({}), "AuthFailure.SecretIdNotFound");
});
