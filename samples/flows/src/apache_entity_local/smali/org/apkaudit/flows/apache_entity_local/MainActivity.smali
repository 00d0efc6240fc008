.class public Lorg/apkaudit/flows/apache_entity_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "apache_entity_local" (0 leaks: the thread keeps the SMS text in a field and sends only its version).
#
#   new UploadThread(readSms(), "1.0").start();   // content://sms/inbox cursor loop, "body" column
#
#   class UploadThread extends Thread {           // fields sms, version
#       public void run() {
#           HttpClient client = new DefaultHttpClient();
#           List<NameValuePair> form = new ArrayList<>();
#           form.add(new BasicNameValuePair("version", version));
#           HttpPost post = new HttpPost("https://api.flows.example/v1/apache_entity_local/form");
#           post.setEntity(new UrlEncodedFormEntity(form, "UTF-8"));
#           client.execute(post);
#           HttpPost json = new HttpPost("https://api.flows.example/v1/apache_entity_local/json");
#           json.setEntity(new StringEntity(version, "UTF-8"));
#           client.execute(json);
#       }
#   }
#
# org.apache.http is the framework's legacy HttpClient (uses-library org.apache.http.legacy on API 28+).


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    invoke-direct {p0}, Lorg/apkaudit/flows/apache_entity_local/MainActivity;->readSms()Ljava/lang/String;

    move-result-object v0

    new-instance v1, Lorg/apkaudit/flows/apache_entity_local/UploadThread;

    const-string v2, "1.0"

    invoke-direct {v1, v0, v2}, Lorg/apkaudit/flows/apache_entity_local/UploadThread;-><init>(Ljava/lang/String;Ljava/lang/String;)V

    invoke-virtual {v1}, Lorg/apkaudit/flows/apache_entity_local/UploadThread;->start()V
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

    invoke-virtual {p0}, Lorg/apkaudit/flows/apache_entity_local/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

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
