.class public Lorg/apkaudit/flows/okhttp_body_writeto_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "okhttp_body_writeto_local" (0 leaks: the SMS text is kept in the body object, whose writeTo sends only its label).
#
#   String sms = readSms();                  // content://sms/inbox cursor loop, "body" column, into a StringBuilder
#   Request req = new Request.Builder().url("https://api.flows.example/v1/okhttp_body_writeto_local")
#           .post(new SmsBody(sms, "v1")).build();
#   new OkHttpClient().newCall(req).enqueue(new UploadCallback());
#
#   class SmsBody extends RequestBody {       // fields text, label
#       public MediaType contentType() { return MediaType.parse("text/plain; charset=utf-8"); }
#       public void writeTo(BufferedSink sink) throws IOException {
#           sink.writeUtf8(label);
#       }
#   }
#
# smali/okhttp3/, smali/okio/: STAND-IN stubs of OkHttp 3 and Okio (real class names and signatures, no I/O).


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 6

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    invoke-direct {p0}, Lorg/apkaudit/flows/okhttp_body_writeto_local/MainActivity;->readSms()Ljava/lang/String;

    move-result-object v0

    new-instance v1, Lorg/apkaudit/flows/okhttp_body_writeto_local/SmsBody;

    const-string v2, "v1"

    invoke-direct {v1, v0, v2}, Lorg/apkaudit/flows/okhttp_body_writeto_local/SmsBody;-><init>(Ljava/lang/String;Ljava/lang/String;)V

    new-instance v0, Lokhttp3/Request$Builder;

    invoke-direct {v0}, Lokhttp3/Request$Builder;-><init>()V

    const-string v2, "https://api.flows.example/v1/okhttp_body_writeto_local"

    invoke-virtual {v0, v2}, Lokhttp3/Request$Builder;->url(Ljava/lang/String;)Lokhttp3/Request$Builder;

    move-result-object v0

    invoke-virtual {v0, v1}, Lokhttp3/Request$Builder;->post(Lokhttp3/RequestBody;)Lokhttp3/Request$Builder;

    move-result-object v0

    invoke-virtual {v0}, Lokhttp3/Request$Builder;->build()Lokhttp3/Request;

    move-result-object v0

    new-instance v1, Lokhttp3/OkHttpClient;

    invoke-direct {v1}, Lokhttp3/OkHttpClient;-><init>()V

    invoke-virtual {v1, v0}, Lokhttp3/OkHttpClient;->newCall(Lokhttp3/Request;)Lokhttp3/Call;

    move-result-object v0

    new-instance v1, Lorg/apkaudit/flows/okhttp_body_writeto_local/UploadCallback;

    invoke-direct {v1}, Lorg/apkaudit/flows/okhttp_body_writeto_local/UploadCallback;-><init>()V

    invoke-interface {v0, v1}, Lokhttp3/Call;->enqueue(Lokhttp3/Callback;)V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    return-void

    :catch_0
    move-exception v0

    return-void
.end method

.method private readSms()Ljava/lang/String;
    .registers 8

    new-instance v6, Ljava/lang/StringBuilder;

    invoke-direct {v6}, Ljava/lang/StringBuilder;-><init>()V

    invoke-virtual {p0}, Lorg/apkaudit/flows/okhttp_body_writeto_local/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    const-string v1, "content://sms/inbox"

    invoke-static {v1}, Landroid/net/Uri;->parse(Ljava/lang/String;)Landroid/net/Uri;

    move-result-object v1

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

    const-string v2, "body"

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I

    move-result v2

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v2

    invoke-virtual {v6, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    move-result-object v2

    const/16 v3, 0xa

    invoke-virtual {v2, v3}, Ljava/lang/StringBuilder;->append(C)Ljava/lang/StringBuilder;

    goto :goto_loop

    :cond_end
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    :cond_none
    invoke-virtual {v6}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;

    move-result-object v0

    return-object v0
.end method
