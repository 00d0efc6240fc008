.class public Lorg/apkaudit/flows/okhttp_form_thread_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "okhttp_form_thread_local" (0 leaks: the contacts are handed to the uploader, which sends only its version).
#
#   JSONArray contacts = readContacts();   // Phone.CONTENT_URI cursor loop, one JSONObject {"phone": data1} per row
#   new Thread(new Uploader(contacts.toString(), "1.0")).start();
#
#   class Uploader implements Runnable {          // fields payload, version
#       public void run() {
#           FormBody form = new FormBody.Builder().add("version", version).build();
#           Request req = new Request.Builder().url("https://api.flows.example/v1/okhttp_form_thread_local").post(form).build();
#           new OkHttpClient().newCall(req).enqueue(new UploadCallback());
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
    invoke-direct {p0}, Lorg/apkaudit/flows/okhttp_form_thread_local/MainActivity;->readContacts()Lorg/json/JSONArray;

    move-result-object v0

    invoke-virtual {v0}, Lorg/json/JSONArray;->toString()Ljava/lang/String;

    move-result-object v0

    new-instance v1, Lorg/apkaudit/flows/okhttp_form_thread_local/Uploader;

    const-string v2, "1.0"

    invoke-direct {v1, v0, v2}, Lorg/apkaudit/flows/okhttp_form_thread_local/Uploader;-><init>(Ljava/lang/String;Ljava/lang/String;)V

    new-instance v0, Ljava/lang/Thread;

    invoke-direct {v0, v1}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V

    invoke-virtual {v0}, Ljava/lang/Thread;->start()V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    return-void

    :catch_0
    move-exception v0

    return-void
.end method

.method private readContacts()Lorg/json/JSONArray;
    .registers 8

    new-instance v6, Lorg/json/JSONArray;

    invoke-direct {v6}, Lorg/json/JSONArray;-><init>()V

    invoke-virtual {p0}, Lorg/apkaudit/flows/okhttp_form_thread_local/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    sget-object v1, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;

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

    const-string v2, "data1"

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I

    move-result v2

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v2

    const-string v3, "phone"

    invoke-virtual {v1, v3, v2}, Lorg/json/JSONObject;->put(Ljava/lang/String;Ljava/lang/Object;)Lorg/json/JSONObject;

    invoke-virtual {v6, v1}, Lorg/json/JSONArray;->put(Ljava/lang/Object;)Lorg/json/JSONArray;

    goto :goto_loop

    :cond_end
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    :cond_none
    return-object v6
.end method
