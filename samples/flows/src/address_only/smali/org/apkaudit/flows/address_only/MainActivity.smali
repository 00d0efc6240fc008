.class public Lorg/apkaudit/flows/address_only/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "address_only" (0 leaks): the negative twin of address_reads. The same three addresses are read
# through, but what they hold is only shown; what is logged and posted is the addresses themselves.
#
#   List<String> numbers = new ArrayList<>();
#   readInto(getContentResolver(), Phone.CONTENT_URI, numbers);
#   setTitle(numbers.toString());                                  // the numbers: shown only
#   new Uploader("{\"table\": \"" + Phone.CONTENT_URI + "\"}").start();   // the table's address
#   setTitle(Settings.Secure.getString(getContentResolver(), "android_id"));
#   Log.d("loan", "android_id");                                   // the setting's name
#   CursorLoader loader = new CursorLoader(this);
#   loader.setUri(CallLog.Calls.CONTENT_URI);
#   Log.i("loan", CallLog.Calls.CONTENT_URI.toString());           // the table's address

# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private static readInto(Landroid/content/ContentResolver;Landroid/net/Uri;Ljava/util/List;)V
    .registers 9

    const/4 v2, 0x0

    const/4 v3, 0x0

    const/4 v4, 0x0

    const/4 v5, 0x0

    move-object v0, p0

    move-object v1, p1

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v0

    if-eqz v0, :cond_none

    :goto_loop
    invoke-interface {v0}, Landroid/database/Cursor;->moveToNext()Z

    move-result v1

    if-eqz v1, :cond_end

    const/4 v1, 0x0

    invoke-interface {v0, v1}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v1

    invoke-interface {p2, v1}, Ljava/util/List;->add(Ljava/lang/Object;)Z

    goto :goto_loop

    :cond_end
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    :cond_none
    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 8

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    invoke-virtual {p0}, Lorg/apkaudit/flows/address_only/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    new-instance v1, Ljava/util/ArrayList;

    invoke-direct {v1}, Ljava/util/ArrayList;-><init>()V

    sget-object v2, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;

    invoke-static {v0, v2, v1}, Lorg/apkaudit/flows/address_only/MainActivity;->readInto(Landroid/content/ContentResolver;Landroid/net/Uri;Ljava/util/List;)V

    invoke-virtual {v1}, Ljava/lang/Object;->toString()Ljava/lang/String;

    move-result-object v1

    invoke-virtual {p0, v1}, Lorg/apkaudit/flows/address_only/MainActivity;->setTitle(Ljava/lang/CharSequence;)V

    new-instance v1, Ljava/lang/StringBuilder;

    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V

    const-string v3, "{\"table\": \""

    invoke-virtual {v1, v3}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/Object;)Ljava/lang/StringBuilder;

    const-string v3, "\"}"

    invoke-virtual {v1, v3}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    invoke-virtual {v1}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;

    move-result-object v1

    new-instance v2, Lorg/apkaudit/flows/address_only/Uploader;

    invoke-direct {v2, v1}, Lorg/apkaudit/flows/address_only/Uploader;-><init>(Ljava/lang/String;)V

    invoke-virtual {v2}, Lorg/apkaudit/flows/address_only/Uploader;->start()V

    const-string v1, "android_id"

    invoke-static {v0, v1}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;

    move-result-object v3

    invoke-virtual {p0, v3}, Lorg/apkaudit/flows/address_only/MainActivity;->setTitle(Ljava/lang/CharSequence;)V

    const-string v2, "loan"

    invoke-static {v2, v1}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I

    new-instance v3, Landroid/content/CursorLoader;

    invoke-direct {v3, p0}, Landroid/content/CursorLoader;-><init>(Landroid/content/Context;)V

    sget-object v4, Landroid/provider/CallLog$Calls;->CONTENT_URI:Landroid/net/Uri;

    invoke-virtual {v3, v4}, Landroid/content/CursorLoader;->setUri(Landroid/net/Uri;)V

    invoke-virtual {v4}, Landroid/net/Uri;->toString()Ljava/lang/String;

    move-result-object v4

    invoke-static {v2, v4}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method
