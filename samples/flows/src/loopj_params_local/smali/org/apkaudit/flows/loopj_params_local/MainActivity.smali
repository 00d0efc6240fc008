.class public Lorg/apkaudit/flows/loopj_params_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "loopj_params_local" (0 leaks: the call log is only shown; the request carries the app version).
#
#   JSONArray calls = readCalls();          // CallLog.Calls cursor loop, one JSONObject {"number": number} per row
#   setTitle(calls.toString()); upload("1.0");
#
#   private void upload(String value) {
#       RequestParams params = new RequestParams();
#       params.put("version", value);
#       new AsyncHttpClient().post("https://api.flows.example/v1/loopj_params_local", params, new AsyncHttpResponseHandler() { ... });
#   }
#
# smali/com/loopj/android/http/: STAND-IN stubs of android-async-http 1.4.9 (real class names and signatures, no I/O).


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private upload(Ljava/lang/String;)V
    .registers 6

    new-instance v0, Lcom/loopj/android/http/RequestParams;

    invoke-direct {v0}, Lcom/loopj/android/http/RequestParams;-><init>()V

    const-string v1, "version"

    invoke-virtual {v0, v1, p1}, Lcom/loopj/android/http/RequestParams;->put(Ljava/lang/String;Ljava/lang/String;)V

    new-instance v1, Lcom/loopj/android/http/AsyncHttpClient;

    invoke-direct {v1}, Lcom/loopj/android/http/AsyncHttpClient;-><init>()V

    const-string v2, "https://api.flows.example/v1/loopj_params_local"

    new-instance v3, Lorg/apkaudit/flows/loopj_params_local/MainActivity$1;

    invoke-direct {v3, p0}, Lorg/apkaudit/flows/loopj_params_local/MainActivity$1;-><init>(Lorg/apkaudit/flows/loopj_params_local/MainActivity;)V

    invoke-virtual {v1, v2, v0, v3}, Lcom/loopj/android/http/AsyncHttpClient;->post(Ljava/lang/String;Lcom/loopj/android/http/RequestParams;Lcom/loopj/android/http/ResponseHandlerInterface;)Lcom/loopj/android/http/RequestHandle;

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 3

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    invoke-direct {p0}, Lorg/apkaudit/flows/loopj_params_local/MainActivity;->readCalls()Lorg/json/JSONArray;

    move-result-object v0

    invoke-virtual {v0}, Lorg/json/JSONArray;->toString()Ljava/lang/String;

    move-result-object v0

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/loopj_params_local/MainActivity;->setTitle(Ljava/lang/CharSequence;)V

    const-string v0, "1.0"

    invoke-direct {p0, v0}, Lorg/apkaudit/flows/loopj_params_local/MainActivity;->upload(Ljava/lang/String;)V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    return-void

    :catch_0
    move-exception v0

    return-void
.end method

.method private readCalls()Lorg/json/JSONArray;
    .registers 8

    new-instance v6, Lorg/json/JSONArray;

    invoke-direct {v6}, Lorg/json/JSONArray;-><init>()V

    invoke-virtual {p0}, Lorg/apkaudit/flows/loopj_params_local/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    sget-object v1, Landroid/provider/CallLog$Calls;->CONTENT_URI:Landroid/net/Uri;

    const/4 v2, 0x0

    const/4 v3, 0x0

    const/4 v4, 0x0

    const/4 v5, 0x0

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v0

    if-eqz v0, :cond_none

    :goto_loop
    invoke-interface {v0}, Landroid/database/Cursor;->moveToNext()Z

    move-result v1

    if-eqz v1, :cond_end

    new-instance v1, Lorg/json/JSONObject;

    invoke-direct {v1}, Lorg/json/JSONObject;-><init>()V

    const-string v2, "number"

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I

    move-result v2

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v2

    const-string v3, "number"

    invoke-virtual {v1, v3, v2}, Lorg/json/JSONObject;->put(Ljava/lang/String;Ljava/lang/Object;)Lorg/json/JSONObject;

    invoke-virtual {v6, v1}, Lorg/json/JSONArray;->put(Ljava/lang/Object;)Lorg/json/JSONArray;

    goto :goto_loop

    :cond_end
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    :cond_none
    return-object v6
.end method
