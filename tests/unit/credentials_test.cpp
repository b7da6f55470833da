#include "model/credentials.h"

#include <doctest/doctest.h>

using namespace daprlint;

namespace {

std::string found(std::string_view text) {
  return describe(url_credentials(text));
}

}  // namespace

TEST_CASE("url_credentials finds passwords in userinfo and keys in query parameters") {
  CHECK(found("https://user:pw@host/path") == "a password in the URL userinfo");
  CHECK(found("redis://:pw@redis:6379") == "a password in the URL userinfo");
  CHECK(found("amqp://user:p@ss@rabbit:5672") == "a password in the URL userinfo");
  CHECK(found("mongodb://u:p@h1:27017,h2:27017/db?replicaSet=rs") ==
        "a password in the URL userinfo");
  CHECK(found("https://fn.azurewebsites.net/api/x?code=abc") ==
        "a credential in URL query parameter 'code'");
  CHECK(found("https://a.blob.core.windows.net/c?sv=2022&sig=abc&se=2030") ==
        "a credential in URL query parameter 'sig'");
  CHECK(found("https://u:p@h/x?api_key=1&access_token=2") ==
        "a password in the URL userinfo and credentials in URL query parameters 'api_key' and "
        "'access_token'");
  CHECK(found("https://s3.amazonaws.com/b/k?X-Amz-Credential=AKIA%2F&X-Amz-Signature=ab") ==
        "a credential in URL query parameter 'X-Amz-Signature'");
  // A URL nested in a parameter is read too; each credential once.
  CHECK(found("https://a/?next=https://u:p@b/&token=1&token=2") ==
        "a password in the URL userinfo and a credential in URL query parameter 'token'");
}

TEST_CASE("url_credentials stays silent without a credential") {
  CHECK(url_credentials("https://user@host/path").empty());         // no password
  CHECK(url_credentials("https://user:@host/path").empty());        // empty password
  CHECK(url_credentials("https://host:8443/a@b").empty());          // @ in the path
  CHECK(url_credentials("https://host/?to=a@b.com").empty());       // @ in the query
  CHECK(url_credentials("https://host/?api_key=&page=2").empty());  // empty key
  CHECK(url_credentials("https://host/?keyId=k&token_type=bearer&keyspace=x").empty());
  CHECK(url_credentials("host=pg user=u password=p").empty());  // no URL: not this scan's
  CHECK(url_credentials("localhost:4317").empty());
  CHECK(url_credentials("://u:p@host").empty());  // no scheme
}

TEST_CASE("credential_header knows credential names and authentication schemes") {
  CHECK(credential_header("Authorization", "x"));
  CHECK(credential_header("x-honeycomb-team", "x"));
  CHECK(credential_header("uptrace-dsn", "x"));
  CHECK(credential_header("GITHUB_PERSONAL_ACCESS_TOKEN", "x"));
  CHECK(credential_header("X-Upstream", "Bearer abc"));
  CHECK_FALSE(credential_header("x-honeycomb-dataset", "orders"));
  CHECK_FALSE(credential_header("Idempotency-Key", "k"));
  CHECK_FALSE(credential_header("AWS_ACCESS_KEY_ID", "AKIA"));
  CHECK_FALSE(credential_header("Accept", "application/json"));
}
